//! Where edge labels go: the first anchor of an edge's route where the
//! label's box overlaps no node and no label placed before it, found with a
//! grid of buckets so that each test looks only at its neighbourhood.

use std::collections::HashMap;

use super::place::Rect;

/// Side of a grid bucket in pixels.
const CELL: f64 = 120.0;

/// Rectangles already taken, bucketed by position.
#[derive(Debug, Default)]
pub(crate) struct Taken {
    rects: Vec<Rect>,
    grid: HashMap<(i64, i64), Vec<usize>>,
}

impl Taken {
    fn cells(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let (x0, x1) = (
            (r.x / CELL).floor() as i64,
            ((r.x + r.w) / CELL).floor() as i64,
        );
        let (y0, y1) = (
            (r.y / CELL).floor() as i64,
            ((r.y + r.h) / CELL).floor() as i64,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Marks `r` as taken.
    pub(crate) fn add(&mut self, r: Rect) {
        let id = self.rects.len();
        for cell in Self::cells(&r) {
            self.grid.entry(cell).or_default().push(id);
        }
        self.rects.push(r);
    }

    /// Whether `r` overlaps anything taken.
    pub(crate) fn hits(&self, r: &Rect) -> bool {
        Self::cells(r).any(|cell| {
            self.grid
                .get(&cell)
                .is_some_and(|ids| ids.iter().any(|&i| self.rects[i].overlaps(r)))
        })
    }
}

/// The box of a label of size `(w, h)` centred on the first free anchor
/// (or on the first anchor when none is free), now taken; it stays between
/// `left` and `right`, so that no label is cut off at the picture's edge.
pub(crate) fn place(
    taken: &mut Taken,
    anchors: &[(f64, f64)],
    (w, h): (f64, f64),
    (left, right): (f64, f64),
) -> Rect {
    // A box that would stick out is moved sideways into the picture, at
    // the same height on its edge.
    let boxed = |(x, y): (f64, f64)| Rect {
        x: (x - w / 2.0).min(right - w).max(left),
        y: y - h / 2.0,
        w,
        h,
    };
    // Each anchor as it is, then nudged up, down and sideways.
    let (dy, dx) = (h + 3.0, w * 0.6);
    let nudges = [
        (0.0, 0.0),
        (0.0, -dy),
        (0.0, dy),
        (dx, 0.0),
        (-dx, 0.0),
        (dx, -dy),
        (-dx, dy),
        (0.0, -2.0 * dy),
        (0.0, 2.0 * dy),
    ];
    // Then, when all is crowded, ever further from each anchor in turn, so
    // that the label stays near its own edge.
    let far = (2..10).flat_map(|k| {
        let k = f64::from(k);
        [
            (0.0, k),
            (0.0, -k),
            (k, 0.0),
            (-k, 0.0),
            (k, k),
            (-k, -k),
            (k, -k),
            (-k, k),
        ]
        .map(|(a, b)| (a * dx / 2.0, b * dy))
    });
    let chosen = nudges
        .iter()
        .copied()
        .chain(far)
        .flat_map(|(ox, oy)| anchors.iter().map(move |&(x, y)| (x + ox, y + oy)))
        .map(boxed)
        .find(|r| !taken.hits(r))
        .or_else(|| anchors.first().map(|&a| boxed(a)))
        .unwrap_or_default();
    taken.add(chosen);
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_moves_to_the_next_free_anchor() {
        let mut taken = Taken::default();
        taken.add(Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 20.0,
        });
        let r = place(
            &mut taken,
            &[(50.0, 10.0), (50.0, 200.0)],
            (40.0, 12.0),
            (0.0, 500.0),
        );
        assert_eq!(r.y, 194.0);
        // Its own box is now taken too.
        assert!(taken.hits(&Rect {
            x: 40.0,
            y: 195.0,
            w: 5.0,
            h: 5.0
        }));
    }

    #[test]
    fn a_label_stays_inside_the_picture() {
        let mut taken = Taken::default();
        // The anchor is near the left edge: the box moves right, not out,
        // and stays at the anchor's height.
        let r = place(&mut taken, &[(10.0, 50.0)], (80.0, 12.0), (0.0, 500.0));
        assert_eq!((r.x, r.y), (0.0, 44.0));
        let r = place(&mut taken, &[(495.0, 150.0)], (80.0, 12.0), (0.0, 500.0));
        assert_eq!((r.x, r.y), (420.0, 144.0));
    }
}
