//! Variable scopes: a chain of frames, each a small list of bindings.

use super::value::JValue;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::RefCell;

/// One scope: a block, a function call or a tuple's bindings.
#[derive(Debug, Default)]
pub struct Frame {
    vars: RefCell<Vec<(Rc<str>, Option<JValue>)>>,
    parent: Option<Rc<Frame>>,
}

impl Frame {
    /// The outermost scope.
    pub fn root() -> Rc<Frame> {
        Rc::new(Frame::default())
    }

    /// A scope inside `parent`.
    pub fn child(parent: &Rc<Frame>) -> Rc<Frame> {
        Rc::new(Frame {
            vars: RefCell::new(Vec::new()),
            parent: Some(parent.clone()),
        })
    }

    /// Binds (or rebinds) `name` in this scope.
    pub fn bind(&self, name: &str, value: Option<JValue>) {
        let mut vars = self.vars.borrow_mut();
        if let Some(slot) = vars.iter_mut().find(|(n, _)| &**n == name) {
            slot.1 = value;
        } else {
            vars.push((Rc::from(name), value));
        }
    }

    /// The binding of `name` in this scope or an enclosing one: `None` when unbound,
    /// `Some(None)` when bound to undefined.
    pub fn find(&self, name: &str) -> Option<Option<JValue>> {
        let mut frame = self;
        loop {
            if let Some((_, v)) = frame.vars.borrow().iter().find(|(n, _)| &**n == name) {
                return Some(v.clone());
            }
            frame = frame.parent.as_deref()?;
        }
    }

    /// The value of `name` (undefined when unbound).
    pub fn lookup(&self, name: &str) -> Option<JValue> {
        self.find(name).flatten()
    }

    /// Drops every binding (breaks reference cycles between closures and their scopes).
    pub fn clear(&self) {
        if let Ok(mut v) = self.vars.try_borrow_mut() {
            v.clear();
        }
    }
}
