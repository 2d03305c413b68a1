//! Taking a definition back out of the studio: YAML, Mermaid flowchart text, and the
//! template it was imported from with the definition replaced. (ASL JSON leaves as the
//! text itself, byte for byte.)

mod mermaid;
mod template;
mod yaml;

pub use mermaid::to_mermaid;
pub use template::{replace_definition, TemplateExportError};
pub use yaml::to_yaml;
