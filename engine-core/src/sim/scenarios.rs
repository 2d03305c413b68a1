//! Named scenarios of one document: each an execution input, its mocks and, optionally,
//! the outcome it should have. The studio edits one at a time (the active one) and runs
//! one or all of them into a pass/fail table.

use super::drafts::MockDrafts;
use super::verdict::Expected;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// One scenario: what goes in (input as typed, mocks as edited) and what should come out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scenario {
    pub name: String,
    /// The execution input as typed (kept even when it is not valid JSON yet).
    pub input: String,
    pub mocks: MockDrafts,
    pub expected: Option<Expected>,
}

/// The document's scenarios, never empty, and which one the panel edits.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenarios {
    pub list: Vec<Scenario>,
    pub active: usize,
}

impl Default for Scenarios {
    fn default() -> Scenarios {
        Scenarios {
            list: alloc::vec![Scenario {
                name: "Scenario 1".to_string(),
                input: "{}".to_string(),
                ..Scenario::default()
            }],
            active: 0,
        }
    }
}

impl Scenarios {
    /// The scenario being edited.
    pub fn active(&self) -> &Scenario {
        &self.list[self.active.min(self.list.len() - 1)]
    }

    /// The scenario being edited, to change it.
    pub fn active_mut(&mut self) -> &mut Scenario {
        let i = self.active.min(self.list.len() - 1);
        &mut self.list[i]
    }

    /// Adds an empty scenario (input `{}`, the given starter mocks) and makes it active.
    pub fn add(&mut self, mocks: MockDrafts) {
        let name = self.fresh_name("Scenario");
        self.list.push(Scenario {
            name,
            input: "{}".to_string(),
            mocks,
            expected: None,
        });
        self.active = self.list.len() - 1;
    }

    /// Copies scenario `index` under a new name, just after it, and makes the copy active.
    pub fn duplicate(&mut self, index: usize) {
        let Some(original) = self.list.get(index) else {
            return;
        };
        let mut copy = original.clone();
        copy.name = self.fresh_name(&format!("{} copy", original.name));
        self.list.insert(index + 1, copy);
        self.active = index + 1;
    }

    /// Renames scenario `index`; names are trimmed, non-empty and unique.
    pub fn rename(&mut self, index: usize, name: &str) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("A scenario needs a name.".to_string());
        }
        if self.list.iter().enumerate().any(|(i, s)| i != index && s.name == name) {
            return Err(format!("There is already a scenario named '{name}'."));
        }
        let s = self.list.get_mut(index).ok_or("No such scenario.")?;
        s.name = name.to_string();
        Ok(())
    }

    /// Deletes scenario `index`; the last one left cannot be deleted.
    pub fn delete(&mut self, index: usize) -> bool {
        if self.list.len() < 2 || index >= self.list.len() {
            return false;
        }
        self.list.remove(index);
        // Deleting the active one activates the one before it.
        if self.active >= index {
            self.active = self.active.saturating_sub(1);
        }
        true
    }

    /// Adds (or replaces, by name) a scenario; used by "import every test case".
    pub fn put(&mut self, scenario: Scenario) {
        match self.list.iter_mut().find(|s| s.name == scenario.name) {
            Some(slot) => *slot = scenario,
            None => self.list.push(scenario),
        }
    }

    /// `base`, or `base 2`, `base 3`, … whichever is not taken.
    pub fn fresh_name(&self, base: &str) -> String {
        let taken = |n: &str| self.list.iter().any(|s| s.name == n);
        let mut n = self.list.len() + 1;
        let mut name = if taken(base) || base == "Scenario" { format!("{base} {n}") } else { base.to_string() };
        while taken(&name) {
            n += 1;
            name = format!("{base} {n}");
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &Scenarios) -> Vec<&str> {
        s.list.iter().map(|x| x.name.as_str()).collect()
    }

    #[test]
    fn add_duplicate_rename_delete() {
        let mut s = Scenarios::default();
        s.active_mut().input = "{\"a\":1}".into();
        s.add(MockDrafts::default());
        assert_eq!(names(&s), ["Scenario 1", "Scenario 2"]);
        assert_eq!(s.active, 1);
        s.duplicate(0);
        assert_eq!(names(&s), ["Scenario 1", "Scenario 1 copy", "Scenario 2"]);
        assert_eq!(s.active().input, "{\"a\":1}");
        assert!(s.rename(1, "Scenario 2").is_err(), "names are unique");
        assert!(s.rename(1, "  ").is_err());
        s.rename(1, " Happy path ").unwrap();
        assert_eq!(s.list[1].name, "Happy path");
        assert!(s.delete(1));
        assert_eq!(names(&s), ["Scenario 1", "Scenario 2"]);
        assert_eq!(s.active, 0);
        assert!(s.delete(0));
        assert!(!s.delete(0), "one scenario always remains");
        assert_eq!(names(&s), ["Scenario 2"]);
    }

    #[test]
    fn fresh_names_skip_taken_ones() {
        let mut s = Scenarios::default();
        s.add(MockDrafts::default());
        s.rename(1, "Scenario 3").unwrap();
        s.add(MockDrafts::default());
        assert_eq!(names(&s), ["Scenario 1", "Scenario 3", "Scenario 4"]);
        s.duplicate(0);
        s.duplicate(0);
        assert_eq!(s.list[1].name, "Scenario 1 copy 5");
    }
}
