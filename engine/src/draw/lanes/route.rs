//! Edge routes. An edge to the next layer is a curve through the gap
//! between the two rows. Any other edge (longer, or back up a loop) leaves
//! its box downwards, runs along the gap below it to its own track in the
//! corridor on the right of its lane, along that corridor to the gap above
//! its target and enters the target from above: it never crosses a box.
//! Tracks are shared greedily by edges whose stretches do not overlap.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::place::{Rect, TRACK};

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hop {
    /// From a node to itself.
    Loop,
    /// To the next layer.
    Next,
    /// Through a corridor, with its track there.
    Corridor(usize),
}

/// Colours intervals `(from, to, id)` with as few tracks as possible
/// (sorted by start, reusing the lowest free track); returns `(id, track)`
/// for each interval and the number of tracks.
pub(crate) fn tracks(mut intervals: Vec<(f64, f64, usize)>) -> (Vec<(usize, usize)>, usize) {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut track = Vec::with_capacity(intervals.len());
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    // (end, track) of the intervals still open, ends as ordered integers.
    let mut open: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    let mut count = 0;
    for (from, to, id) in intervals {
        while let Some(&Reverse((end, t))) = open.peek() {
            if end as f64 / 16.0 >= from {
                break;
            }
            open.pop();
            free.push(Reverse(t));
        }
        let t = match free.pop() {
            Some(Reverse(t)) => t,
            None => {
                count += 1;
                count - 1
            }
        };
        track.push((id, t));
        open.push(Reverse(((to * 16.0).max(0.0) as u64, t)));
    }
    (track, count)
}

/// The drawn route of one edge: an SVG path and points where its label
/// may go, best first.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Route {
    /// SVG path data.
    pub(crate) d: String,
    /// Label anchors, best first.
    pub(crate) anchors: Vec<(f64, f64)>,
}

/// A curve from `exit` (bottom of a box, whose row ends at `row_bottom`) to
/// `entry` (top of a box in the next row, which begins at `row_top`).
pub(crate) fn curve(exit: (f64, f64), row_bottom: f64, row_top: f64, entry: (f64, f64)) -> Route {
    let (x0, x1) = (exit.0, entry.0);
    let mid = (row_bottom + row_top) / 2.0;
    let d = format!(
        "M{:.1},{:.1} L{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} L{:.1},{:.1}",
        x0, exit.1, x0, row_bottom, x0, mid, x1, mid, x1, row_top, x1, entry.1
    );
    let at = |t: f64| {
        let u = 1.0 - t;
        let x = u * u * u * x0 + 3.0 * u * u * t * x0 + 3.0 * u * t * t * x1 + t * t * t * x1;
        let y = u * u * u * row_bottom
            + 3.0 * u * u * t * mid
            + 3.0 * u * t * t * mid
            + t * t * t * row_top;
        (x, y)
    };
    let anchors = [0.5, 0.3, 0.7, 0.15, 0.85].into_iter().map(at).collect();
    Route { d, anchors }
}

/// A corridor route: down from `exit` to `ya`, across to the corridor track
/// at `xc`, along it to `yb`, across to above `entry`, down into it.
pub(crate) fn corridor(exit: (f64, f64), ya: f64, xc: f64, yb: f64, entry: (f64, f64)) -> Route {
    let points = [exit, (exit.0, ya), (xc, ya), (xc, yb), (entry.0, yb), entry];
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        let op = if i == 0 { 'M' } else { 'L' };
        d.push_str(&format!("{op}{x:.1},{y:.1} "));
    }
    d.pop();
    let along =
        |a: (f64, f64), b: (f64, f64), t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
    let anchors = vec![
        along(points[1], points[2], 0.5),
        along(points[1], points[2], 0.25),
        along(points[1], points[2], 0.75),
        along(points[2], points[3], 0.5),
        along(points[4], points[5], 0.5),
        along(points[3], points[4], 0.5),
    ];
    Route { d, anchors }
}

/// A small loop on the right of a box.
pub(crate) fn self_loop(node: &Rect) -> Route {
    let (x, y) = (node.x + node.w, node.y + node.h / 2.0);
    let d = format!(
        "M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1}",
        x,
        y - 6.0,
        x + TRACK * 2.0,
        y - 6.0,
        x + TRACK * 2.0,
        y + 6.0,
        x,
        y + 6.0
    );
    Route {
        d,
        anchors: vec![(x + TRACK * 2.0 + 30.0, y)],
    }
}

#[cfg(test)]
mod tests {
    use super::tracks;

    #[test]
    fn overlapping_intervals_get_distinct_tracks_and_others_share() {
        let (pairs, count) = tracks(vec![
            (0.0, 4.0, 0),
            (1.0, 2.0, 1),
            (3.0, 5.0, 2),
            (5.5, 6.0, 3),
        ]);
        let mut track = [9; 4];
        for (id, t) in pairs {
            track[id] = t;
        }
        assert_eq!(count, 2);
        assert_ne!(track[0], track[1]);
        assert_ne!(track[0], track[2]);
        // The second interval ended before the third began: its track is reused.
        assert_eq!(track[2], track[1]);
        assert_eq!(track[3], 0);
    }
}
