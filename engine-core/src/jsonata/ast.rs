//! The processed syntax tree the evaluator walks: paths are flat lists of steps, each
//! step carrying its predicates (`stages`), focus/index bindings and grouping.

use super::process::Slot;
use super::regex::Regex;
use super::signature::Signature;
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// One node with the annotations the reference attaches to steps.
#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: Kind,
    /// Character offset just past the node's token.
    pub pos: usize,
    /// Filters applied to the node's value (outside paths).
    pub predicate: Vec<Stage>,
    /// Filters and index bindings applied per step (inside paths).
    pub stages: Vec<Stage>,
    /// A grouping object constructor after the node or path.
    pub group: Option<Box<Group>>,
    /// `[]` after the step: keep singleton arrays.
    pub keep_array: bool,
    /// `@$v`: bind the step's value to `$v`, keep the context.
    pub focus: Option<Rc<str>>,
    /// `#$i`: bind the position to `$i`.
    pub index: Option<Rc<str>>,
    /// The step takes part in a tuple stream.
    pub tuple: bool,
    /// The parent slot this step binds (`%`).
    pub ancestor: Option<Rc<Slot>>,
    /// An array constructor as the first or last step of a path.
    pub consarray: bool,
    /// Parent slots still looking for their step (during parsing only).
    pub seeking_parent: Vec<Rc<Slot>>,
}

/// The kinds of node.
#[derive(Debug, Clone)]
pub enum Kind {
    Path {
        steps: Vec<Expr>,
        keep_singleton_array: bool,
    },
    Name(Rc<str>),
    Wildcard,
    Descendant,
    Parent(Rc<Slot>),
    String(Rc<str>),
    Number(f64),
    Null,
    Bool(bool),
    Regex(Rc<Regex>),
    Variable(Rc<str>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Negate(Box<Expr>),
    Array(Vec<Expr>),
    Object(Vec<(Expr, Expr)>),
    Condition {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Option<Box<Expr>>,
    },
    Block(Vec<Expr>),
    Bind {
        name: Rc<str>,
        value: Box<Expr>,
    },
    Call {
        procedure: Box<Expr>,
        args: Vec<Expr>,
    },
    Partial {
        procedure: Box<Expr>,
        args: Vec<Option<Expr>>,
    },
    Lambda(Rc<LambdaDef>),
    Apply {
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Transform(Rc<TransformDef>),
    Sort(Vec<SortTerm>),
}

/// Binary operators, evaluated eagerly on both sides except `and`/`or`, `?:` and `??`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Concat,
    And,
    Or,
    In,
    Range,
    /// `?:`: the left value when it is truthy, else the right.
    Default,
    /// `??`: the left value when it exists, else the right.
    Coalesce,
}

impl BinOp {
    pub fn token(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Concat => "&",
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::In => "in",
            BinOp::Range => "..",
            BinOp::Default => "?:",
            BinOp::Coalesce => "??",
        }
    }
}

/// A predicate filter or an index binding applied to a step's results.
#[derive(Debug, Clone)]
pub enum Stage {
    Filter(Expr),
    Index(Rc<str>),
}

/// A grouping object constructor: key/value expression pairs.
#[derive(Debug, Clone)]
pub struct Group {
    pub pairs: Vec<(Expr, Expr)>,
    pub pos: usize,
}

/// One `^( )` term.
#[derive(Debug, Clone)]
pub struct SortTerm {
    pub descending: bool,
    pub expr: Expr,
}

/// A function definition.
#[derive(Debug)]
pub struct LambdaDef {
    pub params: Vec<Rc<str>>,
    pub signature: Option<Signature>,
    pub body: Expr,
    /// A tail call wrapped for the trampoline.
    pub thunk: bool,
}

/// A transform's three parts.
#[derive(Debug)]
pub struct TransformDef {
    pub pattern: Expr,
    pub update: Expr,
    pub delete: Option<Expr>,
}

impl Expr {
    pub fn new(kind: Kind, pos: usize) -> Self {
        Expr {
            kind,
            pos,
            predicate: Vec::new(),
            stages: Vec::new(),
            group: None,
            keep_array: false,
            focus: None,
            index: None,
            tuple: false,
            ancestor: None,
            consarray: false,
            seeking_parent: Vec::new(),
        }
    }

    pub fn is_path(&self) -> bool {
        matches!(self.kind, Kind::Path { .. })
    }

    /// True for an array constructor.
    pub fn is_array_cons(&self) -> bool {
        matches!(self.kind, Kind::Array(_))
    }
}
