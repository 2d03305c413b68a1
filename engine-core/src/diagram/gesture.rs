//! Pointers held down on the canvas background, turned into pan and pinch steps:
//! one pointer drags the view, two pan by their middle and zoom by their spread.

use alloc::vec::Vec;

use super::viewport::{pan_by, zoom_at};
use crate::layout::{Point, Transform};

/// One pointer that went down on the background.
#[derive(Clone, Copy, Debug)]
struct Down {
    id: i32,
    at: Point,
}

/// The pointers held down, at most two (a third is ignored).
#[derive(Clone, Debug, Default)]
pub struct Gesture {
    down: Vec<Down>,
}

fn mid(a: Point, b: Point) -> Point {
    Point {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

fn dist(a: Point, b: Point) -> f64 {
    let (dx, dy) = (a.x - b.x, a.y - b.y);
    libm::sqrt(dx * dx + dy * dy)
}

impl Gesture {
    /// A pointer went down at `at` (canvas coordinates); false when it is not tracked.
    pub fn press(&mut self, id: i32, at: Point) -> bool {
        if self.down.len() >= 2 || self.down.iter().any(|d| d.id == id) {
            return false;
        }
        self.down.push(Down { id, at });
        true
    }

    /// A tracked pointer moved to `at`: one pointer pans, two pan and zoom about their middle.
    pub fn step(&mut self, id: i32, at: Point, t: Transform) -> Option<Transform> {
        let i = self.down.iter().position(|d| d.id == id)?;
        let next = match self.down.as_slice() {
            [one] => pan_by(t, at.x - one.at.x, at.y - one.at.y),
            [a, b] => {
                let other = self.down[1 - i].at;
                let (before_mid, after_mid) = (mid(a.at, b.at), mid(other, at));
                let (d0, d1) = (dist(a.at, b.at), dist(other, at));
                let factor = if d0 > 1.0 { d1 / d0 } else { 1.0 };
                let panned = pan_by(t, after_mid.x - before_mid.x, after_mid.y - before_mid.y);
                zoom_at(panned, factor, after_mid)
            }
            _ => return None,
        };
        self.down[i].at = at;
        Some(next)
    }

    /// A pointer went up or was cancelled.
    pub fn release(&mut self, id: i32) {
        self.down.retain(|d| d.id != id);
    }

    /// Whether any pointer is held.
    pub fn active(&self) -> bool {
        !self.down.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Transform = Transform::IDENTITY;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn one_pointer_pans_by_its_movement() {
        let mut g = Gesture::default();
        assert!(g.press(1, p(10.0, 10.0)));
        let t = g.step(1, p(25.0, 5.0), T0).unwrap();
        assert_eq!((t.scale, t.tx, t.ty), (1.0, 15.0, -5.0));
        // The next step is measured from where the pointer now is.
        let t2 = g.step(1, p(30.0, 5.0), t).unwrap();
        assert_eq!(t2.tx, 20.0);
        assert_eq!(g.step(9, p(0.0, 0.0), t2), None);
        g.release(1);
        assert!(!g.active());
    }

    #[test]
    fn two_pointers_pinch_about_their_middle() {
        let mut g = Gesture::default();
        g.press(1, p(100.0, 100.0));
        g.press(2, p(200.0, 100.0));
        assert!(!g.press(3, p(0.0, 0.0)), "a third pointer is ignored");
        // Spreading to twice the distance, the middle staying at (150, 100).
        let t = g.step(2, p(250.0, 100.0), T0).unwrap();
        let t = g.step(1, p(50.0, 100.0), t).unwrap();
        assert!((t.scale - 2.0).abs() < 1e-9, "{t:?}");
        let still = t.apply(p(150.0, 100.0));
        assert!((still.x - 150.0).abs() < 1e-9 && (still.y - 100.0).abs() < 1e-9);
    }
}
