//! A by-name builder for layout inputs, and the geometric properties every layout must have.

use std::collections::BTreeMap;

use engine_core::layout::{
    layout, ContainerRef, EdgeKind, Layout, LayoutEdge, LayoutInput, LayoutNode, NodeBox, NodeKind,
    Point, Rect,
};

/// Builds a `LayoutInput` from state names, the way the studio's glue would from a definition.
#[derive(Default)]
pub struct Machine {
    pub input: LayoutInput,
    ids: BTreeMap<String, usize>,
}

/// A box size close to what the studio draws: text-width boxes, small round markers.
pub fn size_for(name: &str, kind: NodeKind) -> (f64, f64) {
    match kind {
        NodeKind::Start | NodeKind::End => (28.0, 28.0),
        NodeKind::Parallel | NodeKind::Map => (160.0, 40.0),
        _ => ((8.0 * name.len() as f64 + 40.0).clamp(120.0, 260.0), 40.0),
    }
}

impl Machine {
    /// Adds a state (or marker) named `name`, inside lane `lane` of `parent` if given.
    pub fn state(
        &mut self,
        name: &str,
        kind: NodeKind,
        parent: Option<(&str, usize)>,
    ) -> &mut Self {
        let id = self.input.nodes.len() * 10 + 7; // ids need not be dense
        let parent = parent.map(|(p, lane)| ContainerRef {
            node: self.id(p),
            lane,
        });
        let (width, height) = size_for(name, kind);
        self.input.nodes.push(LayoutNode {
            id,
            label: name.to_string(),
            kind,
            width,
            height,
            parent,
        });
        self.ids.insert(name.to_string(), id);
        self
    }

    /// Adds a transition.
    pub fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, label: Option<&str>) -> &mut Self {
        let (from, to) = (self.id(from), self.id(to));
        self.input.edges.push(LayoutEdge {
            from,
            to,
            kind,
            label: label.map(str::to_string),
        });
        self
    }

    /// A `Next` transition.
    pub fn next(&mut self, from: &str, to: &str) -> &mut Self {
        self.edge(from, to, EdgeKind::Next, None)
    }

    /// The id given to `name`.
    pub fn id(&self, name: &str) -> usize {
        *self
            .ids
            .get(name)
            .unwrap_or_else(|| panic!("no state {name}"))
    }
}

/// The box of node `id`.
pub fn node_box(l: &Layout, id: usize) -> NodeBox {
    *l.nodes
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("no box for {id}"))
}

pub fn rect(b: &NodeBox) -> Rect {
    Rect {
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
    }
}

pub fn centre_x(b: &NodeBox) -> f64 {
    b.x + b.width / 2.0
}

const EPS: f64 = 1e-6;

fn interiors_overlap(a: Rect, b: Rect) -> bool {
    a.x + EPS < b.x + b.width
        && b.x + EPS < a.x + a.width
        && a.y + EPS < b.y + b.height
        && b.y + EPS < a.y + a.height
}

fn contains(outer: Rect, inner: Rect) -> bool {
    inner.x >= outer.x - EPS
        && inner.y >= outer.y - EPS
        && inner.x + inner.width <= outer.x + outer.width + EPS
        && inner.y + inner.height <= outer.y + outer.height + EPS
}

/// Whether segment a→b passes through the open interior of `r` (Liang–Barsky clipping).
pub fn segment_cuts(a: Point, b: Point, r: Rect) -> bool {
    let (x0, y0, x1, y1) = (
        r.x + EPS,
        r.y + EPS,
        r.x + r.width - EPS,
        r.y + r.height - EPS,
    );
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - x0),
        (dx, x1 - a.x),
        (-dy, a.y - y0),
        (dy, y1 - a.y),
    ] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// Every f64 of a layout as bits, for bit-for-bit comparison.
pub fn bits(l: &Layout) -> Vec<u64> {
    let mut out = vec![l.width.to_bits(), l.height.to_bits()];
    for b in &l.nodes {
        out.extend([
            b.id as u64,
            b.x.to_bits(),
            b.y.to_bits(),
            b.width.to_bits(),
            b.height.to_bits(),
        ]);
    }
    for c in &l.containers {
        out.extend([
            c.node as u64,
            c.lane as u64,
            c.x.to_bits(),
            c.y.to_bits(),
            c.width.to_bits(),
            c.height.to_bits(),
        ]);
    }
    for e in &l.edges {
        out.extend([e.from as u64, e.to as u64, e.is_back_edge as u64]);
        for p in e.points.iter().chain(e.label_at.iter()) {
            out.extend([p.x.to_bits(), p.y.to_bits()]);
        }
        out.push(u64::MAX);
    }
    out
}

/// Lays `input` out twice, checks both agree bit for bit and every property holds; returns the layout.
pub fn lay_out_checked(input: &LayoutInput) -> Layout {
    let l = layout(input);
    assert_eq!(
        bits(&l),
        bits(&layout(input)),
        "layout is not deterministic"
    );
    check(input, &l);
    l
}

/// The scope (None = top level) each unique node was drawn in: its input parent's lane
/// when that lane was drawn, else the top level.
fn scopes(input: &LayoutInput, l: &Layout) -> BTreeMap<usize, Option<(usize, usize)>> {
    let mut out = BTreeMap::new();
    for n in &input.nodes {
        let scope = n
            .parent
            .filter(|p| {
                p.node != n.id
                    && l.containers
                        .iter()
                        .any(|c| c.node == p.node && c.lane == p.lane)
            })
            .map(|p| (p.node, p.lane));
        out.entry(n.id).or_insert(scope);
    }
    out
}

/// Asserts every geometric property the studio relies on.
pub fn check(input: &LayoutInput, l: &Layout) {
    // One box per distinct id, in input order; non-containers keep their size.
    let mut seen = std::collections::BTreeSet::new();
    let firsts: Vec<&LayoutNode> = input.nodes.iter().filter(|n| seen.insert(n.id)).collect();
    assert_eq!(l.nodes.len(), firsts.len(), "one box per node");
    for (b, n) in l.nodes.iter().zip(&firsts) {
        assert_eq!(b.id, n.id);
        for v in [b.x, b.y, b.width, b.height] {
            assert!(v.is_finite(), "non-finite box {b:?}");
        }
        assert!(
            b.x >= -EPS && b.y >= -EPS,
            "box left of or above the origin: {b:?}"
        );
        assert!(
            b.x + b.width <= l.width + EPS && b.y + b.height <= l.height + EPS,
            "box outside the layout: {b:?}"
        );
        if !n.kind.is_container() && n.width.is_finite() && (1.0..=1.0e6).contains(&n.width) {
            assert_eq!(b.width, n.width, "a state box keeps its width");
        }
    }

    let scope = scopes(input, l);
    let boxes: BTreeMap<usize, Rect> = l.nodes.iter().map(|b| (b.id, rect(b))).collect();
    let ancestors = |mut id: usize| {
        let mut out = Vec::new();
        while let Some(Some((p, _))) = scope.get(&id) {
            if out.contains(p) {
                break;
            }
            out.push(*p);
            id = *p;
        }
        out
    };

    // Boxes never overlap, except that a container holds what is nested in it.
    for a in &l.nodes {
        for b in &l.nodes {
            if a.id == b.id || !interiors_overlap(rect(a), rect(b)) {
                continue;
            }
            assert!(
                (ancestors(b.id).contains(&a.id) && contains(rect(a), rect(b)))
                    || (ancestors(a.id).contains(&b.id) && contains(rect(b), rect(a))),
                "boxes {} and {} overlap: {a:?} {b:?}",
                a.id,
                b.id
            );
        }
    }
    // Lanes lie inside their container, apart from each other; children inside their lane.
    for c in &l.containers {
        let lane = Rect {
            x: c.x,
            y: c.y,
            width: c.width,
            height: c.height,
        };
        assert!(
            contains(boxes[&c.node], lane),
            "lane {c:?} outside its container"
        );
        for d in &l.containers {
            if d.node == c.node && d.lane != c.lane {
                assert!(!interiors_overlap(
                    lane,
                    Rect {
                        x: d.x,
                        y: d.y,
                        width: d.width,
                        height: d.height
                    }
                ));
            }
        }
    }
    for (id, s) in &scope {
        if let Some((node, lane)) = s {
            let c = l
                .containers
                .iter()
                .find(|c| c.node == *node && c.lane == *lane)
                .unwrap();
            let lane = Rect {
                x: c.x,
                y: c.y,
                width: c.width,
                height: c.height,
            };
            assert!(
                contains(lane, boxes[id]),
                "node {id} outside its lane {c:?}"
            );
        }
    }

    // One route per edge whose ends exist, in input order.
    let drawable: Vec<&LayoutEdge> = input
        .edges
        .iter()
        .filter(|e| boxes.contains_key(&e.from) && boxes.contains_key(&e.to))
        .collect();
    assert_eq!(l.edges.len(), drawable.len(), "one route per drawable edge");
    for (r, e) in l.edges.iter().zip(&drawable) {
        assert_eq!((r.from, r.to, r.kind), (e.from, e.to, e.kind));
        assert_eq!(
            r.label_at.is_some(),
            e.label.is_some(),
            "label anchor iff label"
        );
        assert!(r.points.len() >= 2, "route too short: {r:?}");
        for p in r.points.iter().chain(r.label_at.iter()) {
            assert!(p.x.is_finite() && p.y.is_finite());
        }
        // Ends touch the boxes: out of the source's bottom side, into the target's top side.
        let (s, t) = (boxes[&e.from], boxes[&e.to]);
        let (first, last) = (r.points[0], r.points[r.points.len() - 1]);
        assert!(
            (first.y - (s.y + s.height)).abs() < EPS
                && first.x >= s.x - EPS
                && first.x <= s.x + s.width + EPS,
            "route {r:?} does not leave its source's bottom {s:?}"
        );
        assert!(
            (last.y - t.y).abs() < EPS && last.x >= t.x - EPS && last.x <= t.x + t.width + EPS,
            "route {r:?} does not enter its target's top {t:?}"
        );
        let same_scope = scope[&e.from] == scope[&e.to];
        if !r.is_back_edge {
            for w in r.points.windows(2) {
                assert!(w[1].y >= w[0].y - EPS, "forward route goes up: {r:?}");
            }
            assert!(first.y < last.y, "target not below source: {r:?}");
            if let (Some(at), true) = (r.label_at, same_scope) {
                assert!(
                    at.y > s.y + s.height && at.y < t.y,
                    "label not between the boxes: {r:?}"
                );
            }
        }
        if !same_scope {
            continue;
        }
        let peers: Vec<Rect> = scope
            .iter()
            .filter(|(_, sc)| **sc == scope[&e.from])
            .map(|(id, _)| boxes[id])
            .collect();
        // No route cuts through a box of its scope (nor so through anything nested in one).
        for w in r.points.windows(2) {
            for b in &peers {
                assert!(!segment_cuts(w[0], w[1], *b), "route {r:?} cuts box {b:?}");
            }
        }
        // Back-edges run up a lane right of every box of their scope.
        if r.is_back_edge {
            let right = peers.iter().map(|b| b.x + b.width).fold(f64::MIN, f64::max);
            assert!(
                r.points.iter().any(|p| p.x > right),
                "back-edge not routed round the right: {r:?}"
            );
        }
    }
    // Everything drawn lies inside the layout's size.
    let b = l.bounds();
    assert!(b.x >= -EPS && b.y >= -EPS, "bounds {b:?}");
    assert!(
        b.x + b.width <= l.width + EPS && b.y + b.height <= l.height + EPS,
        "bounds {b:?} beyond {}x{}",
        l.width,
        l.height
    );
}
