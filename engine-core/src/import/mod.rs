//! Finding state machine definitions inside what people paste: a bare ASL definition,
//! or a CloudFormation / SAM template (JSON, or YAML already converted to a `Value` with
//! short-form tags such as `!Sub` spelled out as `Fn::Sub`), including CDK synth output.

mod intrinsics;
mod open;
mod template;

pub use open::{
    looks_like_json, open_json, open_text, open_value, open_yaml, Opened, OpenedDocument,
    TemplateChoice, TemplateOrigin, TextFormat,
};
pub use template::{find_state_machines, DefinitionSource, ImportError, ImportedMachine};
