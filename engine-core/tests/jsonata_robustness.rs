//! Seeded random robustness: random token soups and random well-formed expressions over
//! random inputs must end in a value or a `JsonataError`, never a panic or a hang, on a
//! default-sized test thread; hostile recursion and nesting end in `U1001`.

use engine_core::json::parse_value;
use engine_core::jsonata::{Environment, Expression};
use engine_core::rng::Rng;
use engine_core::Value;

const TOKENS: &[&str] = &[
    "a",
    "b",
    "c",
    "$",
    "$$",
    "$x",
    "$f",
    "*",
    "**",
    "%",
    ".",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    ",",
    ";",
    ":",
    "?",
    "+",
    "-",
    "/",
    "=",
    "!=",
    "<",
    ">=",
    "&",
    "and",
    "or",
    "in",
    "..",
    ":=",
    "~>",
    "^(",
    "@",
    "#",
    "|",
    "1",
    "0",
    "-2.5",
    "\"s\"",
    "'t'",
    "true",
    "null",
    "/a+/i",
    "function($x){$x}",
    "$string",
    "$sum",
    "$map",
    "$sort",
    "$keys",
    "$substring",
    "$formatNumber",
    "$fromMillis",
    "$toMillis",
    "$match",
    "$replace",
    "$split",
    "$eval",
    "$each",
    "$reduce",
    "$zip",
    "$spread",
    "$merge",
    "$lookup",
    "$formatInteger",
    "$parseInteger",
    "?:",
    "??",
    "`q`",
];

const FORMS: &[&str] = &[
    "a.b[0]",
    "a.b[c > 1]",
    "**.c",
    "a.*",
    "$sum(a.b.c)",
    "a.b^(>c)",
    "a{b: $count(c)}",
    "a.b@$v.c#$i",
    "a.b.%.c",
    "[1..5] ~> $map(function($v){$v*2})",
    "$string(a)",
    "a ? b : c",
    "($x := 3; $x + 1)",
    "a.(b & 'x')",
    "| a | {'z': 1}, ['b'] |",
    "$reduce([1,2,3], function($p,$c){$p+$c})",
    "$sort(a.b, function($l,$r){$l.c > $r.c})",
    "$match('abcabc', /b(c)/)",
    "$replace('abc', /b/, 'x')",
    "$fromMillis(1000000, '[Y0001]-[M01]-[D01]')",
    "$formatNumber(1234.5, '#,##0.00')",
    "$each(a, function($v, $k){$k})",
    "$keys(a)",
    "a[-1]",
    "$spread(a)",
];

fn random_input(rng: &mut Rng, depth: u32) -> Value {
    match rng.int_in(0, if depth > 3 { 3 } else { 6 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.int_in(0, 1) == 1),
        2 => Value::from(rng.int_in(-5, 20)),
        3 => Value::from(["x", "abc", "", "b c"][rng.int_in(0, 3) as usize]),
        4 => Value::array(
            (0..rng.int_in(0, 4))
                .map(|_| random_input(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = engine_core::Map::default();
            for k in ["a", "b", "c"] {
                if rng.int_in(0, 2) > 0 {
                    m.insert(k.into(), random_input(rng, depth + 1));
                }
            }
            Value::from(m)
        }
    }
}

fn soup(rng: &mut Rng) -> String {
    let n = rng.int_in(1, 14);
    (0..n)
        .map(|_| TOKENS[rng.int_in(0, TOKENS.len() as i64 - 1) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn composed(rng: &mut Rng) -> String {
    let a = FORMS[rng.int_in(0, FORMS.len() as i64 - 1) as usize];
    let b = FORMS[rng.int_in(0, FORMS.len() as i64 - 1) as usize];
    let op = ["&", "=", "+", "and", "~> $string", ".", "?:", "in"][rng.int_in(0, 7) as usize];
    if op.starts_with('~') {
        format!("({a}) {op}()")
    } else {
        format!("({a}) {op} ({b})")
    }
}

fn evaluate(src: &str, input: &Value) {
    let mut env = Environment::new();
    env.bind("x", input.clone());
    if let Ok(e) = Expression::parse(src) {
        let _ = e.evaluate(Some(input), &mut env);
    }
}

#[test]
fn random_expressions_never_panic() {
    let mut rng = Rng::seeded(0x5EED);
    for _ in 0..3000 {
        let input = random_input(&mut rng, 0);
        let src = if rng.int_in(0, 1) == 0 {
            soup(&mut rng)
        } else {
            composed(&mut rng)
        };
        evaluate(&src, &input);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::seeded(7);
    let input = parse_value(r#"{"a": {"b": [1, {"c": 2}]}}"#).expect("input");
    for _ in 0..3000 {
        let len = rng.int_in(0, 30);
        let src: String = (0..len)
            .filter_map(|_| char::from_u32(rng.int_in(0x20, 0x7e) as u32))
            .collect();
        evaluate(&src, &input);
    }
}

fn error_code(src: &str) -> Option<String> {
    let mut env = Environment::new();
    // A smaller step budget keeps the endless loop short in debug builds.
    env.limits.steps = 1_000_000;
    match Expression::parse(src) {
        Err(e) => Some(e.code),
        Ok(e) => e.evaluate(None, &mut env).err().map(|e| e.code),
    }
}

#[test]
fn hostile_expressions_end_with_u1001() {
    // Unbounded recursion, an endless tail-call loop, and deep nesting.
    assert_eq!(
        error_code("($f := function($n){$n + $f($n)}; $f(1))").as_deref(),
        Some("U1001")
    );
    assert_eq!(
        error_code("($f := function(){$f()}; $f())").as_deref(),
        Some("U1001")
    );
    let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(error_code(&deep).as_deref(), Some("U1001"));
    let deep_array = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(error_code(&deep_array).as_deref(), Some("U1001"));
}

#[test]
fn paths_through_bindings_agree_with_bound_variables() {
    // `$states.…` paths read the environment's JSON directly; binding the same document
    // inside the expression must give the same answers.
    let states = r#"{"input": {"id": "o1", "items": [{"price": 3, "tags": ["a"]}, {"price": 12, "tags": []}],
                     "one": [{"price": 5}], "nested": {"deep": [[1, 2], [3]]}, "nil": null}}"#;
    let exprs = [
        "$states.input.id",
        "$states.input.items",
        "$states.input.items.price",
        "$states.input.items[price > 10].tags",
        "$states.input.one",
        "$states.input.one.price",
        "$states.input.nested.deep",
        "$states.input.nested.deep[0]",
        "$states.input.missing.more",
        "$states.input.nil",
        "$states.input.items.tags",
        "$states.input.items[0]",
        "$count($states.input.items)",
    ];
    for src in exprs {
        let mut env = Environment::new();
        env.bind("states", parse_value(states).expect("states"));
        let direct = Expression::parse(src)
            .expect("parses")
            .evaluate(None, &mut env)
            .expect("evaluates");
        let wrapped = format!("($states := {states}; {src})");
        let mut plain = Environment::new();
        let bound = Expression::parse(&wrapped)
            .expect("parses")
            .evaluate(None, &mut plain)
            .expect("evaluates");
        assert_eq!(direct, bound, "{src}");
    }
}

/// Found by the `jsonata_evaluate` fuzz target: picture components, instants and
/// offsets far outside any calendar once overflowed the date arithmetic. They must
/// evaluate without a panic.
#[test]
fn absurd_date_components_do_not_overflow() {
    let input = Value::object();
    for src in [
        "$toMillis('20240101123849', '[Y000bl[s00]')",
        "$toMillis('99999999999999999', '[Y]')",
        "$toMillis('2024-999999999999999', '[Y]-[d]')",
        "$toMillis('2024-01-01 99999999999999999', '[Y]-[M]-[D] [H]')",
        "$fromMillis(12307575000307575000000, '[Y]-[M01]-[D01]T[H01]', '+0265')",
        "$fromMillis(-12307575000307575000000, '[Y]', '-0130')",
        "$fromMillis(0, '[Y]', '+999999999999999999')",
    ] {
        evaluate(src, &input);
    }
}

/// Found by the `jsonata_evaluate` fuzz target: an endless tail-call loop that doubles
/// an array (or a string) each call stays within the depth limit and took only a few
/// steps per call, so memory ran out before the step budget. Building values is now
/// charged per item (and per byte), so these end in `U1001` under every limit.
#[test]
fn doubling_values_end_with_u1001() {
    let doubling = [
        "($f := function($s, $x)<an:s> { $x > 0 ? $f([$s, $s], $x-0) : $s};  $f('a', 3)  )",
        "($f := function($s, $x) { $x > 0 ? $f([$s, $s], $x-0) : $s}; $f(['a'], 3))",
        "($f := function($s,$x){ $x > 0 ? $f($s & $s, $x-0) : $s}; $f('a', 3))",
        // Cheap to build by sharing, but 2^40 nodes once written out as JSON.
        "($f := function($s,$x){ $x > 0 ? $f([[$s], [$s]], $x-1) : $s}; $f('a', 40))",
        "($f := function($s,$x){ $x > 0 ? $f({'a': $s, 'b': $s}, $x-1) : $s}; $f('a', 40))",
        "($f := function($s,$x){ $x > 0 ? $f([[$s], [$s]], $x-1) : $s}; $string($f('a', 40)))",
    ];
    for src in doubling {
        assert_eq!(error_code(src).as_deref(), Some("U1001"), "{src}");
        let expression = Expression::parse(src).expect("parses");
        // The default limits, and the fuzz target's.
        for (depth, steps) in [(None, None), (Some(100), Some(200_000))] {
            let mut env = Environment::new();
            env.aws_functions = true;
            if let (Some(d), Some(s)) = (depth, steps) {
                env.limits.depth = d;
                env.limits.steps = s;
            }
            let code = expression.evaluate(None, &mut env).err().map(|e| e.code);
            assert_eq!(
                code.as_deref(),
                Some("U1001"),
                "{src} with {depth:?}/{steps:?}"
            );
        }
    }
}

/// The variables an expression reads, one per occurrence in the processed tree: a
/// count of the tree's size that does not depend on the clock.
fn reads(src: &str) -> usize {
    Expression::parse(src)
        .expect("parses")
        .references()
        .reads
        .len()
}

/// Found by the `jsonata_parse` fuzz target: `?:` and `??` once copied their left
/// operand (the reference's conditional names it twice), so each level of nesting
/// doubled the tree: 2 KB of text took seconds and gigabytes. The tree now holds each
/// operand once, however deep the nesting.
#[test]
fn nested_default_and_coalescing_operators_stay_linear() {
    for op in ["?:", "??"] {
        for (levels, shape) in [(10, "call"), (10, "block"), (45, "call"), (30, "block")] {
            let mut src = String::from("$a");
            for _ in 0..levels {
                src = match shape {
                    "call" => format!("$f({src}) {op} $b"),
                    _ => format!("({src} {op} $b)"),
                };
            }
            // One `$a`, and per level one `$f` (calls only) and one `$b`.
            let per_level = if shape == "call" { 2 } else { 1 };
            assert_eq!(
                reads(&src),
                1 + levels * per_level,
                "{levels} levels of {shape} {op}"
            );
        }
    }
}

#[test]
fn default_and_coalescing_operators_pick_their_operand() {
    // JSONata docs: `?:` yields the left side when it is truthy, `??` when it exists.
    let input = parse_value(r#"{"zero": 0, "text": "x", "nil": null}"#).expect("input");
    let cases = [
        ("zero ?: 5", "5"),
        ("text ?: 5", "\"x\""),
        ("missing ?: 5", "5"),
        ("zero ?? 5", "0"),
        ("nil ?? 5", "null"),
        ("missing ?? 5", "5"),
        ("missing ?? nil ?: 'last'", "\"last\""),
    ];
    for (src, expected) in cases {
        let got = Expression::parse(src)
            .expect("parses")
            .evaluate(Some(&input), &mut Environment::new())
            .expect("evaluates");
        assert_eq!(got, Some(parse_value(expected).expect("expected")), "{src}");
    }
}

/// `a + b + c …` is parsed by a loop, not by recursion, but every later pass recurses
/// down the left-leaning tree it builds: a long chain once overflowed the stack. Each
/// operator in a chain now counts as a level of nesting.
#[test]
fn long_operator_chains_end_with_located_u1001() {
    for op in ["+", "&", ".", "?:", "="] {
        let src = vec!["1"; 5000].join(op);
        let error = Expression::parse(&src).err().expect("too deep");
        assert_eq!(error.code, "U1001", "{op}");
        let at = error.position.expect("located");
        assert!(at > 0 && at < src.len(), "{op}: position {at}");
    }
    // Chains within the limit still parse and evaluate.
    let sum = vec!["1"; 90].join("+");
    let got = Expression::parse(&sum)
        .expect("parses")
        .evaluate(None, &mut Environment::new())
        .expect("evaluates");
    assert_eq!(got, Some(Value::from(90)));
}

/// A value built by doubling shares its halves: 2^40 leaves in a few hundred steps.
const SHARED_2_POW_40: &str = "$f := function($s,$x){ $x > 0 ? $f([[$s], [$s]], $x-1) : $s}";

#[test]
fn equality_of_a_value_with_itself_is_immediate() {
    let src = format!("({SHARED_2_POW_40}; $v := $f('a', 40); [$v = $v, $v != $v])");
    let mut env = Environment::new();
    env.limits.steps = 10_000;
    let got = Expression::parse(&src)
        .expect("parses")
        .evaluate(None, &mut env)
        .expect("within 10 000 steps");
    assert_eq!(got, Some(parse_value("[true, false]").expect("expected")));
}

#[test]
fn equality_of_huge_values_spends_the_step_budget() {
    // Equal, but distinct allocations: every pair of leaves must be compared.
    for cmp in ["=", "!="] {
        let src = format!("({SHARED_2_POW_40}; $f('a', 40) {cmp} $f('a', 40))");
        assert_eq!(error_code(&src).as_deref(), Some("U1001"), "{cmp}");
    }
    let src = format!("({SHARED_2_POW_40}; $distinct([$f('a', 40), $f('a', 40)]))");
    assert_eq!(error_code(&src).as_deref(), Some("U1001"));
}

#[test]
fn distinct_scalars_are_found_by_key() {
    // 100 000 numbers with 1 000 distinct values: pairwise comparison would be 10^8.
    let src = "$count($distinct([1..100000].($ % 1000)))";
    let mut env = Environment::new();
    let got = Expression::parse(src)
        .expect("parses")
        .evaluate(None, &mut env)
        .expect("within the default budget");
    assert_eq!(got, Some(Value::from(1000)));
    // `-0` and `0` are equal; arrays and objects compare deeply.
    let src = "$distinct([0, -0, 'a', 'a', null, null, false, [1, {'k': 2}], [1, {'k': 2}], [1]])";
    let got = Expression::parse(src)
        .expect("parses")
        .evaluate(None, &mut Environment::new())
        .expect("evaluates");
    let expected = r#"[0, "a", null, false, [1, {"k": 2}], [1]]"#;
    assert_eq!(got, Some(parse_value(expected).expect("expected")));
}

/// Found by the `jsonata_evaluate` fuzz target: reading a long letter numeral overflowed
/// an integer. The reference sums the base-26 digits in floating point.
#[test]
fn long_letter_numerals_do_not_overflow() {
    let value = |src: &str| {
        Expression::parse(src)
            .expect("parses")
            .evaluate(None, &mut Environment::new())
            .expect("evaluates")
    };
    // `A`..`Z` are 1..26, `AA` follows `Z`.
    assert_eq!(value("$parseInteger('AA', 'A')"), Some(Value::from(27)));
    assert_eq!(value("$parseInteger('ab', 'a')"), Some(Value::from(28)));
    let long = format!("$parseInteger('{}', 'A')", "Z".repeat(40));
    let Some(Value::Number(n)) = value(&long) else {
        panic!("a number")
    };
    // 26 + 26·26 + … + 26^40 = (26^41 − 26) / 25.
    let expected = (26f64.powi(41) - 26.0) / 25.0;
    assert!((n.as_f64() - expected).abs() / expected < 1e-12, "{n:?}");
    let overflowing = format!("$parseInteger('{}FZP', 'A')", "\\u0000".repeat(60));
    value(&overflowing);
}
