//! Zooming about a point and the minimap's view rectangle: the studio's pan and zoom as
//! plain arithmetic on `layout::Transform`.

use crate::layout::{Point, Rect, Transform};

/// Smallest and largest zoom.
pub const MIN_SCALE: f64 = 0.05;
pub const MAX_SCALE: f64 = 4.0;
/// Zoom step of the +/− buttons and keys.
pub const ZOOM_STEP: f64 = 1.25;

/// `t` zoomed by `factor`, keeping the layout point under the screen point `anchor` in place.
pub fn zoom_at(t: Transform, factor: f64, anchor: Point) -> Transform {
    if !factor.is_finite() || factor <= 0.0 || !t.scale.is_finite() || t.scale <= 0.0 {
        return t;
    }
    let scale = (t.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
    let p = t.invert(anchor);
    Transform {
        scale,
        tx: anchor.x - p.x * scale,
        ty: anchor.y - p.y * scale,
    }
}

/// `t` moved by a screen-space distance.
pub fn pan_by(t: Transform, dx: f64, dy: f64) -> Transform {
    if !dx.is_finite() || !dy.is_finite() {
        return t;
    }
    Transform {
        tx: t.tx + dx,
        ty: t.ty + dy,
        ..t
    }
}

/// The part of the layout a `view_w` × `view_h` view shows under `t`.
pub fn visible_rect(t: Transform, view_w: f64, view_h: f64) -> Rect {
    let a = t.invert(Point { x: 0.0, y: 0.0 });
    let b = t.invert(Point {
        x: view_w,
        y: view_h,
    });
    Rect {
        x: a.x,
        y: a.y,
        width: b.x - a.x,
        height: b.y - a.y,
    }
}

/// The transform that centres the view on layout point `p`, keeping the zoom.
pub fn centre_on(t: Transform, p: Point, view_w: f64, view_h: f64) -> Transform {
    Transform {
        scale: t.scale,
        tx: view_w / 2.0 - p.x * t.scale,
        ty: view_h / 2.0 - p.y * t.scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_still_and_stays_in_range() {
        let t = Transform {
            scale: 1.0,
            tx: 10.0,
            ty: 20.0,
        };
        let anchor = Point { x: 110.0, y: 70.0 };
        let z = zoom_at(t, 2.0, anchor);
        assert_eq!(z.scale, 2.0);
        // The layout point (100, 50) was under the anchor and still is.
        assert_eq!(z.apply(Point { x: 100.0, y: 50.0 }), anchor);
        assert_eq!(zoom_at(t, 1000.0, anchor).scale, MAX_SCALE);
        assert_eq!(zoom_at(t, 1e-9, anchor).scale, MIN_SCALE);
        assert_eq!(zoom_at(t, f64::NAN, anchor), t);
        assert_eq!(zoom_at(t, -1.0, anchor), t);
    }

    #[test]
    fn pan_visible_rect_and_centring() {
        let t = pan_by(Transform::IDENTITY, 30.0, -10.0);
        assert_eq!((t.tx, t.ty), (30.0, -10.0));
        assert_eq!(pan_by(t, f64::INFINITY, 0.0), t);
        let half = Transform {
            scale: 0.5,
            tx: 0.0,
            ty: 0.0,
        };
        assert_eq!(
            visible_rect(half, 100.0, 50.0),
            Rect {
                x: 0.0,
                y: 0.0,
                width: 200.0,
                height: 100.0
            }
        );
        let c = centre_on(half, Point { x: 100.0, y: 100.0 }, 200.0, 100.0);
        assert_eq!(
            c.apply(Point { x: 100.0, y: 100.0 }),
            Point { x: 100.0, y: 50.0 }
        );
    }
}
