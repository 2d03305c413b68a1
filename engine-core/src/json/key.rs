//! An object member's name. Names are shared (`Shared<str>`), so copying an object before a
//! write, applying a compiled template or recording a payload copies no text.

use alloc::string::String;
use crate::shared::Shared;
use core::borrow::Borrow;
use core::fmt;
use core::ops::Deref;

/// A member name: reads as a `str`, clones with a reference count.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Key(Shared<str>);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

// Maps are looked up by `&str`: `Key` hashes and compares exactly as its text does.
impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Key {
    fn from(s: &str) -> Self {
        Key(Shared::from(s))
    }
}

impl From<String> for Key {
    fn from(s: String) -> Self {
        Key(Shared::from(s))
    }
}

impl From<&String> for Key {
    fn from(s: &String) -> Self {
        Key(Shared::from(s.as_str()))
    }
}

impl From<Key> for String {
    fn from(k: Key) -> Self {
        String::from(&*k.0)
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
