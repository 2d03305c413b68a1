//! The standard function library, one file per family, and the table that binds each
//! `$name` to its implementation and signature.

pub mod aggregate;
pub mod array;
pub mod aws;
pub mod boolean;
pub mod datetime;
pub mod encoding;
pub mod hof;
pub mod integer;
pub mod meta;
pub mod number_format;
pub mod numeric;
pub mod object;
pub mod regex_fns;
pub mod string;

use super::env::Frame;
use super::eval::{Evaluator, R};
use super::signature::Signature;
use super::value::JValue;
use alloc::rc::Rc;

/// What a library function sees besides its arguments.
pub struct Ctx<'a> {
    /// The context value of the call.
    pub input: Option<&'a JValue>,
    /// The calling scope (for `$eval` and callbacks).
    pub frame: &'a Rc<Frame>,
}

/// A library function's implementation.
pub type Impl = fn(&mut Evaluator, &[Option<JValue>], &Ctx) -> R;

/// A library function.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub sig: &'static str,
    pub func: Impl,
    /// Only available when `Environment::aws_functions` is set.
    pub aws: bool,
}

impl Builtin {
    /// The parsed signature (the table's signatures are all well-formed; a unit test
    /// checks them).
    pub fn signature(&self) -> Signature {
        Signature::parse(self.sig).unwrap_or_default()
    }

    /// The number of parameters a callback is offered (the required ones).
    pub fn arity(&self) -> usize {
        self.signature().required()
    }
}

macro_rules! b {
    ($name:literal, $sig:literal, $f:path) => {
        Builtin {
            name: $name,
            sig: $sig,
            func: $f,
            aws: false,
        }
    };
    (aws $name:literal, $sig:literal, $f:path) => {
        Builtin {
            name: $name,
            sig: $sig,
            func: $f,
            aws: true,
        }
    };
}

// A `const`, not a `static`: only code that calls `lookup` materializes the table (and so
// links every implementation); `NAMES` is computed from it at compile time.
const LIBRARY: &[Builtin] = &[
    b!("sum", "<a<n>:n>", aggregate::sum),
    b!("count", "<a:n>", aggregate::count),
    b!("max", "<a<n>:n>", aggregate::max),
    b!("min", "<a<n>:n>", aggregate::min),
    b!("average", "<a<n>:n>", aggregate::average),
    b!("string", "<x-b?:s>", string::string),
    b!("substring", "<s-nn?:s>", string::substring),
    b!("substringBefore", "<s-s:s>", string::substring_before),
    b!("substringAfter", "<s-s:s>", string::substring_after),
    b!("lowercase", "<s-:s>", string::lowercase),
    b!("uppercase", "<s-:s>", string::uppercase),
    b!("length", "<s-:n>", string::length),
    b!("trim", "<s-:s>", string::trim),
    b!("pad", "<s-ns?:s>", string::pad),
    b!("match", "<s-f<s:o>n?:a<o>>", regex_fns::match_),
    b!("contains", "<s-(sf):b>", regex_fns::contains),
    b!("replace", "<s-(sf)(sf)n?:s>", regex_fns::replace),
    b!("split", "<s-(sf)n?:a<s>>", regex_fns::split),
    b!("join", "<a<s>s?:s>", string::join),
    b!("formatNumber", "<n-so?:s>", number_format::format_number),
    b!("formatBase", "<n-n?:s>", numeric::format_base),
    b!("formatInteger", "<n-s:s>", integer::format_integer),
    b!("parseInteger", "<s-s:n>", integer::parse_integer),
    b!("number", "<(nsb)-:n>", numeric::number),
    b!("floor", "<n-:n>", numeric::floor),
    b!("ceil", "<n-:n>", numeric::ceil),
    b!("round", "<n-n?:n>", numeric::round),
    b!("abs", "<n-:n>", numeric::abs),
    b!("sqrt", "<n-:n>", numeric::sqrt),
    b!("power", "<n-n:n>", numeric::power),
    b!("boolean", "<x-:b>", boolean::boolean),
    b!("not", "<x-:b>", boolean::not),
    b!("map", "<af>", hof::map),
    b!("zip", "<a+>", array::zip),
    b!("filter", "<af>", hof::filter),
    b!("single", "<af?>", hof::single),
    b!("reduce", "<afj?:j>", hof::reduce),
    b!("sift", "<o-f?:o>", object::sift),
    b!("keys", "<x-:a<s>>", object::keys),
    b!("lookup", "<x-s:x>", object::lookup),
    b!("append", "<xx:a>", array::append_fn),
    b!("exists", "<x:b>", boolean::exists),
    b!("spread", "<x-:a<o>>", object::spread),
    b!("merge", "<a<o>:o>", object::merge),
    b!("reverse", "<a:a>", array::reverse),
    b!("each", "<o-f:a>", object::each),
    b!("error", "<s?:x>", object::error),
    b!("assert", "<bs?:x>", object::assert),
    b!("type", "<x:s>", object::type_),
    b!("sort", "<af?:a>", array::sort),
    b!("shuffle", "<a:a>", array::shuffle),
    b!("distinct", "<x:x>", array::distinct),
    b!("base64encode", "<s-:s>", encoding::base64encode),
    b!("base64decode", "<s-:s>", encoding::base64decode),
    b!(
        "encodeUrlComponent",
        "<s-:s>",
        encoding::encode_url_component
    ),
    b!("encodeUrl", "<s-:s>", encoding::encode_url),
    b!(
        "decodeUrlComponent",
        "<s-:s>",
        encoding::decode_url_component
    ),
    b!("decodeUrl", "<s-:s>", encoding::decode_url),
    b!("eval", "<sx?:x>", meta::eval),
    b!("toMillis", "<s-s?:n>", datetime::to_millis),
    b!("fromMillis", "<n-s?s?:s>", datetime::from_millis),
    b!("clone", "<(oa)-:o>", object::clone),
    b!("now", "<s?s?:s>", datetime::now),
    b!("millis", "<:n>", datetime::millis),
    b!(aws "partition", "<an:a>", aws::partition),
    b!(aws "range", "<nnn?:a>", aws::range),
    b!(aws "hash", "<ss?:s>", aws::hash),
    b!(aws "uuid", "<:s>", aws::uuid),
    b!(aws "parse", "<s:x>", aws::parse),
];

static RANDOM: Builtin = b!("random", "<:n>", numeric::random);
static AWS_RANDOM: Builtin = b!(aws "random", "<n?:n>", aws::random);

/// Each library function's name and whether it is one of Step Functions' own, without
/// the implementations: what a validator needs.
const NAMES: [(&str, bool); LIBRARY.len()] = {
    let mut names = [("", false); LIBRARY.len()];
    let mut i = 0;
    while i < LIBRARY.len() {
        names[i] = (LIBRARY[i].name, LIBRARY[i].aws);
        i += 1;
    }
    names
};

/// True when `$name` is a library function (with Step Functions' own when `aws`).
pub fn is_library_function(name: &str, aws: bool) -> bool {
    name == "random" || NAMES.iter().any(|(n, own)| *n == name && (aws || !own))
}

/// The library function `$name`, if there is one.
pub fn lookup(name: &str, aws: bool) -> Option<&'static Builtin> {
    if name == "random" {
        return Some(if aws { &AWS_RANDOM } else { &RANDOM });
    }
    LIBRARY.iter().find(|b| b.name == name && (aws || !b.aws))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_agree_with_lookup() {
        let names = LIBRARY.iter().map(|b| b.name).chain(["random", "nosuch", "Sum"]);
        for name in names {
            for aws in [false, true] {
                assert_eq!(super::is_library_function(name, aws), super::lookup(name, aws).is_some(), "{name} {aws}");
            }
        }
        assert!(!super::is_library_function("hash", false) && super::is_library_function("hash", true));
    }

    use super::*;

    #[test]
    fn every_signature_parses() {
        for b in LIBRARY.iter().chain([&RANDOM, &AWS_RANDOM]) {
            assert!(Signature::parse(b.sig).is_ok(), "{}", b.name);
        }
    }
}
