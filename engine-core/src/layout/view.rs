//! Helpers for showing a layout on screen: its bounds, fit-to-screen and the minimap.

use super::types::{Layout, Point, Rect};

/// Space kept around the drawing when fitting it into a view.
pub const FIT_PADDING: f64 = 24.0;

/// A zoom and pan: `screen = layout * scale + (tx, ty)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Transform {
    /// No zoom, no pan.
    pub const IDENTITY: Transform = Transform {
        scale: 1.0,
        tx: 0.0,
        ty: 0.0,
    };

    /// Maps a layout point to the screen.
    pub fn apply(&self, p: Point) -> Point {
        Point {
            x: p.x * self.scale + self.tx,
            y: p.y * self.scale + self.ty,
        }
    }

    /// Maps a screen point back to the layout.
    pub fn invert(&self, p: Point) -> Point {
        if self.scale == 0.0 {
            return p;
        }
        Point {
            x: (p.x - self.tx) / self.scale,
            y: (p.y - self.ty) / self.scale,
        }
    }
}

fn positive(v: f64) -> bool {
    v.is_finite() && v > 0.0
}

impl Layout {
    /// The smallest rectangle holding every box, lane, edge point and label anchor.
    pub fn bounds(&self) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        let mut take = |x: f64, y: f64, w: f64, h: f64| {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x + w);
            y1 = y1.max(y + h);
        };
        for b in &self.nodes {
            take(b.x, b.y, b.width, b.height);
        }
        for c in &self.containers {
            take(c.x, c.y, c.width, c.height);
        }
        for e in &self.edges {
            for p in e.points.iter().chain(e.label_at.iter()) {
                take(p.x, p.y, 0.0, 0.0);
            }
        }
        if x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite() {
            Rect {
                x: x0,
                y: y0,
                width: x1 - x0,
                height: y1 - y0,
            }
        } else {
            Rect::default()
        }
    }

    /// The transform that shows the whole drawing centred in a `view_w` × `view_h` view,
    /// with `FIT_PADDING` around it; it shrinks big drawings but never enlarges small ones.
    pub fn fit_transform(&self, view_w: f64, view_h: f64) -> Transform {
        if !positive(view_w) || !positive(view_h) {
            return Transform::IDENTITY;
        }
        let b = self.bounds();
        let room_w = (view_w - 2.0 * FIT_PADDING).max(view_w / 2.0);
        let room_h = (view_h - 2.0 * FIT_PADDING).max(view_h / 2.0);
        let mut scale: f64 = 1.0;
        if positive(b.width) {
            scale = scale.min(room_w / b.width);
        }
        if positive(b.height) {
            scale = scale.min(room_h / b.height);
        }
        Transform {
            scale,
            tx: (view_w - b.width * scale) / 2.0 - b.x * scale,
            ty: (view_h - b.height * scale) / 2.0 - b.y * scale,
        }
    }

    /// The scale at which the whole drawing fits a `map_w` × `map_h` minimap (at most 1).
    pub fn minimap_scale(&self, map_w: f64, map_h: f64) -> f64 {
        if !positive(map_w) || !positive(map_h) {
            return 0.0;
        }
        let b = self.bounds();
        let mut scale: f64 = 1.0;
        if positive(b.width) {
            scale = scale.min(map_w / b.width);
        }
        if positive(b.height) {
            scale = scale.min(map_h / b.height);
        }
        scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::types::NodeBox;
    use alloc::vec;

    fn one_box(w: f64, h: f64) -> Layout {
        Layout {
            nodes: vec![NodeBox {
                id: 0,
                x: 10.0,
                y: 20.0,
                width: w,
                height: h,
            }],
            width: 10.0 + w,
            height: 20.0 + h,
            ..Layout::default()
        }
    }

    #[test]
    fn fit_centres_and_shrinks_to_the_view() {
        let l = one_box(1000.0, 500.0);
        let t = l.fit_transform(548.0, 548.0);
        assert_eq!(t.scale, 0.5);
        assert_eq!(
            t.apply(Point { x: 10.0, y: 20.0 }),
            Point { x: 24.0, y: 149.0 }
        );
        assert_eq!(
            t.invert(Point { x: 24.0, y: 149.0 }),
            Point { x: 10.0, y: 20.0 }
        );
    }

    #[test]
    fn fit_never_enlarges_and_tolerates_empty_views_and_layouts() {
        let t = one_box(100.0, 100.0).fit_transform(1000.0, 1000.0);
        assert_eq!(t.scale, 1.0);
        assert_eq!(
            Layout::default().fit_transform(0.0, f64::NAN),
            Transform::IDENTITY
        );
        assert_eq!(Layout::default().bounds(), Rect::default());
        assert_eq!(Layout::default().fit_transform(100.0, 100.0).scale, 1.0);
    }

    #[test]
    fn minimap_scale_fits_the_larger_side() {
        assert_eq!(one_box(2000.0, 400.0).minimap_scale(200.0, 200.0), 0.1);
        assert_eq!(one_box(20.0, 40.0).minimap_scale(200.0, 200.0), 1.0);
    }
}
