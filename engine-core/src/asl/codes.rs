//! The diagnostic codes. Where AWS's ValidateStateMachineDefinition has a code for the
//! problem it is used as is; the rest follow its style. CODES.md shows a snippet that
//! triggers each one.

// Errors.
/// The text is not JSON (one diagnostic per syntax error).
pub const INVALID_JSON_DESCRIPTION: &str = "INVALID_JSON_DESCRIPTION";
/// A YAML definition that does not read (reported by YAML readers such as the CLI,
/// before `validate` sees the converted document).
pub const INVALID_YAML: &str = "INVALID_YAML";
/// The text is empty.
pub const MISSING_DESCRIPTION: &str = "MISSING_DESCRIPTION";
/// The document is JSON but not an object.
pub const ROOT_NOT_OBJECT: &str = "ROOT_NOT_OBJECT";
/// A required field is absent.
pub const MISSING_FIELD: &str = "MISSING_FIELD";
/// A field this object does not take.
pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
/// A field of the other query language (`Output` in a JSONPath state, `InputPath` in a JSONata one).
pub const FIELD_NOT_IN_QUERY_LANGUAGE: &str = "FIELD_NOT_IN_QUERY_LANGUAGE";
/// `QueryLanguage` with a bad value, or `JSONPath` under a JSONata machine.
pub const INVALID_QUERY_LANGUAGE: &str = "INVALID_QUERY_LANGUAGE";
/// A value of the wrong JSON type.
pub const INVALID_TYPE: &str = "INVALID_TYPE";
/// A value outside the allowed set (enumerations, empty lists).
pub const INVALID_VALUE: &str = "INVALID_VALUE";
/// A number outside its range.
pub const VALUE_OUT_OF_RANGE: &str = "VALUE_OUT_OF_RANGE";
/// Two fields that exclude each other (`TimeoutSeconds` and `TimeoutSecondsPath` …).
pub const MUTUALLY_EXCLUSIVE_FIELDS: &str = "MUTUALLY_EXCLUSIVE_FIELDS";
/// `Type` is not one of the eight state types.
pub const INVALID_STATE_TYPE: &str = "INVALID_STATE_TYPE";
/// A Task `Resource` that is not an ARN.
pub const INVALID_RESOURCE: &str = "INVALID_RESOURCE";
/// `HeartbeatSeconds` not smaller than `TimeoutSeconds`.
pub const HEARTBEAT_NOT_BELOW_TIMEOUT: &str = "HEARTBEAT_NOT_BELOW_TIMEOUT";
/// `StartAt`, `Next` or `Default` names no state.
pub const MISSING_TRANSITION_TARGET: &str = "MISSING_TRANSITION_TARGET";
/// A transition to a state of another scope (into or out of a branch or processor).
pub const TRANSITION_OUT_OF_SCOPE: &str = "TRANSITION_OUT_OF_SCOPE";
/// `Next` and `End` together.
pub const NEXT_AND_END: &str = "NEXT_AND_END";
/// A state that needs `Next` or `End` has neither.
pub const MISSING_NEXT_OR_END: &str = "MISSING_NEXT_OR_END";
/// The same state name twice anywhere in the machine.
pub const DUPLICATE_STATE_NAME: &str = "DUPLICATE_STATE_NAME";
/// A state name that is empty or longer than 80 characters.
pub const INVALID_STATE_NAME: &str = "INVALID_STATE_NAME";
/// A state no transition reaches from `StartAt`.
pub const UNREACHABLE_STATE: &str = "UNREACHABLE_STATE";
/// A machine, branch or processor without any terminal state.
pub const MISSING_END_STATE: &str = "MISSING_END_STATE";
/// `States.ALL` together with other names in one `ErrorEquals`.
pub const STATES_ALL_NOT_ALONE: &str = "STATES_ALL_NOT_ALONE";
/// A retrier or catcher on `States.ALL` that is not the last one.
pub const STATES_ALL_NOT_LAST: &str = "STATES_ALL_NOT_LAST";
/// Two keys of a payload template equal once `.$` is stripped.
pub const DUPLICATE_TEMPLATE_KEY: &str = "DUPLICATE_TEMPLATE_KEY";
/// A JSONPath that does not parse.
pub const INVALID_PATH: &str = "INVALID_PATH";
/// A path where a reference path is required (or a `$$` path in ResultPath).
pub const INVALID_REFERENCE_PATH: &str = "INVALID_REFERENCE_PATH";
/// An intrinsic call that does not parse, names no function or has the wrong arity.
pub const INVALID_INTRINSIC: &str = "INVALID_INTRINSIC";
/// A Choice rule with no comparison operator.
pub const CHOICE_RULE_NO_OPERATOR: &str = "CHOICE_RULE_NO_OPERATOR";
/// A Choice rule with several comparison operators.
pub const CHOICE_RULE_MULTIPLE_OPERATORS: &str = "CHOICE_RULE_MULTIPLE_OPERATORS";
/// A Wait state without exactly one of `Seconds`, `SecondsPath`, `Timestamp`, `TimestampPath`.
pub const WAIT_DURATION: &str = "WAIT_DURATION";
/// An `Assign` key that is not a valid variable name.
pub const INVALID_VARIABLE_NAME: &str = "INVALID_VARIABLE_NAME";
/// A `{% … %}` expression in a JSONata state that does not parse.
pub const INVALID_JSONATA: &str = "INVALID_JSONATA";
/// A Parallel branch or Map processor assigning a variable an enclosing scope assigns.
pub const OUTER_VARIABLE_ASSIGNED: &str = "OUTER_VARIABLE_ASSIGNED";
/// A timestamp that is not RFC 3339.
pub const INVALID_TIMESTAMP: &str = "INVALID_TIMESTAMP";
/// Parallel and Map states nested too deeply to check.
pub const TOO_DEEPLY_NESTED: &str = "TOO_DEEPLY_NESTED";

// Warnings.
/// A Choice state without `Default` (fails with States.NoChoiceMatched when nothing matches).
pub const CHOICE_WITHOUT_DEFAULT: &str = "CHOICE_WITHOUT_DEFAULT";
/// States that can only transition among themselves, with no terminal state.
pub const LOOP_WITHOUT_EXIT: &str = "LOOP_WITHOUT_EXIT";
/// A deprecated field (`Iterator`, `Parameters` on a Map state).
pub const DEPRECATED_FIELD: &str = "DEPRECATED_FIELD";
/// The same key twice in one object (the last one wins).
pub const DUPLICATE_KEY: &str = "DUPLICATE_KEY";
/// A template value that looks like a path or intrinsic under a key without `.$`.
pub const NO_DOLLAR: &str = "NO_DOLLAR";
/// A Pass state's `Result` with a `.$` key (Result is never evaluated).
pub const PASS_RESULT_IS_STATIC: &str = "PASS_RESULT_IS_STATIC";
/// A Task `Resource` that is a `${…}` substitution placeholder (SAM/CloudFormation
/// `DefinitionSubstitutions`), not yet the ARN AWS needs.
pub const SUBSTITUTION_PLACEHOLDER: &str = "SUBSTITUTION_PLACEHOLDER";
/// An `ErrorEquals` name starting with `States.` that is not a predefined error.
pub const UNKNOWN_STATES_ERROR: &str = "UNKNOWN_STATES_ERROR";
/// `$states.result` or `$states.errorOutput` read where `$states` does not hold it.
pub const STATES_FIELD_UNAVAILABLE: &str = "STATES_FIELD_UNAVAILABLE";
/// A `$name` read that no `Assign` in scope writes (nor a function or a local binding).
pub const UNDEFINED_VARIABLE: &str = "UNDEFINED_VARIABLE";

/// Every code above, errors first.
pub const ALL: &[&str] = &[
    INVALID_JSON_DESCRIPTION,
    INVALID_YAML,
    MISSING_DESCRIPTION,
    ROOT_NOT_OBJECT,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    FIELD_NOT_IN_QUERY_LANGUAGE,
    INVALID_QUERY_LANGUAGE,
    INVALID_TYPE,
    INVALID_VALUE,
    VALUE_OUT_OF_RANGE,
    MUTUALLY_EXCLUSIVE_FIELDS,
    INVALID_STATE_TYPE,
    INVALID_RESOURCE,
    HEARTBEAT_NOT_BELOW_TIMEOUT,
    MISSING_TRANSITION_TARGET,
    TRANSITION_OUT_OF_SCOPE,
    NEXT_AND_END,
    MISSING_NEXT_OR_END,
    DUPLICATE_STATE_NAME,
    INVALID_STATE_NAME,
    UNREACHABLE_STATE,
    MISSING_END_STATE,
    STATES_ALL_NOT_ALONE,
    STATES_ALL_NOT_LAST,
    DUPLICATE_TEMPLATE_KEY,
    INVALID_PATH,
    INVALID_REFERENCE_PATH,
    INVALID_INTRINSIC,
    CHOICE_RULE_NO_OPERATOR,
    CHOICE_RULE_MULTIPLE_OPERATORS,
    WAIT_DURATION,
    INVALID_VARIABLE_NAME,
    OUTER_VARIABLE_ASSIGNED,
    INVALID_JSONATA,
    INVALID_TIMESTAMP,
    TOO_DEEPLY_NESTED,
    CHOICE_WITHOUT_DEFAULT,
    LOOP_WITHOUT_EXIT,
    DEPRECATED_FIELD,
    DUPLICATE_KEY,
    NO_DOLLAR,
    PASS_RESULT_IS_STATIC,
    SUBSTITUTION_PLACEHOLDER,
    UNKNOWN_STATES_ERROR,
    STATES_FIELD_UNAVAILABLE,
    UNDEFINED_VARIABLE,
];
