//! The recorded history as frozen, shared chunks plus a short tail, so cloning an
//! execution (a snapshot) copies a few pointers instead of every event.

use super::events::HistoryEvent;
use alloc::rc::Rc;
use alloc::vec::Vec;

// Small enough that a short execution does not reserve much more than it writes.
const CHUNK: usize = 64;

/// An append-only event list with cheap clones.
#[derive(Clone, Debug, Default)]
pub(crate) struct History {
    // `Rc<Vec<_>>` rather than `Rc<[_]>`: freezing a chunk moves the vector, not its events.
    chunks: Vec<Rc<Vec<HistoryEvent>>>,
    tail: Vec<HistoryEvent>,
}

impl History {
    pub fn push(&mut self, event: HistoryEvent) {
        if self.tail.capacity() == 0 {
            self.tail.reserve_exact(CHUNK);
        }
        self.tail.push(event);
        if self.tail.len() == CHUNK {
            let full = core::mem::take(&mut self.tail);
            self.chunks.push(Rc::new(full));
        }
    }

    pub fn len(&self) -> usize {
        self.chunks.len() * CHUNK + self.tail.len()
    }

    /// Copies of the events from position `start` on.
    pub fn since(&self, start: usize) -> Vec<HistoryEvent> {
        let mut out = Vec::with_capacity(self.len().saturating_sub(start));
        let mut pos = 0;
        for chunk in &self.chunks {
            if pos + CHUNK > start {
                let from = start.saturating_sub(pos);
                out.extend(chunk[from..].iter().cloned());
            }
            pos += CHUNK;
        }
        let from = start.saturating_sub(pos);
        if from < self.tail.len() {
            out.extend(self.tail[from..].iter().cloned());
        }
        out
    }
}
