//! Which lane each node is drawn in, and the order of nodes within each
//! layer of a lane (a bounded number of barycenter sweeps).

use std::collections::HashMap;

use super::graph::Graph;
use crate::draw::picture::Picture;
use crate::model::Routine;

/// Title of the lane for what the routine does by itself, when no role
/// leads to it.
pub(crate) const ROUTINE_LANE: &str = "Rutinen (automatiskt)";

/// Barycenter sweeps (each one down and one up): enough for the small
/// crossings of a routine, and a bound on the time of a large one.
const SWEEPS: usize = 4;

/// The lanes: titles in drawing order and each node's lane.
#[derive(Debug)]
pub(crate) struct Lanes {
    /// Lane titles, left to right.
    pub(crate) titles: Vec<String>,
    /// The lane of every node.
    pub(crate) of: Vec<usize>,
}

/// Nodes in breadth-first order from node 0 (the start), each with the
/// node it was first reached from; nodes not reached follow in order.
fn breadth_first(g: &Graph) -> Vec<(usize, Option<usize>)> {
    let mut seen = vec![false; g.len()];
    let mut order = Vec::with_capacity(g.len());
    for root in 0..g.len() {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let begin = order.len();
        order.push((root, None));
        let mut head = begin;
        while let Some(&(v, _)) = order.get(head) {
            head += 1;
            for &e in &g.out[v] {
                let w = g.edges[e].1;
                if !seen[w] {
                    seen[w] = true;
                    order.push((w, Some(v)));
                }
            }
        }
    }
    order
}

/// A node's own role, or the lane of the node that first leads to it, or
/// the routine's lane. The start stands in its first step's lane.
pub(crate) fn lanes(routine: &Routine, picture: &Picture, g: &Graph) -> Lanes {
    let order = breadth_first(g);
    let own = |v: usize| picture.nodes.get(v).and_then(|n| n.role.as_deref());
    let mut key: Vec<Option<Option<&str>>> = vec![None; g.len()];
    for &(v, parent) in &order {
        let inherited = parent.and_then(|p| key[p]);
        key[v] = Some(own(v).map(Some).or(inherited).unwrap_or(None));
        if v == 0 {
            // The start: in its first step's lane when that names a role.
            let first = g.out[0].first().map(|&e| g.edges[e].1);
            key[0] = Some(first.and_then(own));
        }
    }
    let mut index: HashMap<Option<&str>, usize> = HashMap::new();
    let mut titles = Vec::new();
    let mut of = vec![0; g.len()];
    let firsts = std::iter::once(0).chain(order.iter().map(|&(v, _)| v));
    for v in firsts {
        let k = key[v].unwrap_or(None);
        let lane = *index.entry(k).or_insert_with(|| {
            titles.push(match k {
                Some(role) => routine
                    .roles
                    .get(role)
                    .map_or_else(|| role.to_owned(), |r| r.name.clone()),
                None => ROUTINE_LANE.to_owned(),
            });
            titles.len() - 1
        });
        of[v] = lane;
    }
    Lanes { titles, of }
}

/// The nodes of every layer, left to right: by lane, then by the average
/// position of their neighbours in the layers above (sweeping down) and
/// below (sweeping up).
pub(crate) fn order(
    g: &Graph,
    dag: &[Option<(usize, usize)>],
    layer: &[usize],
    lanes: &Lanes,
) -> Vec<Vec<usize>> {
    let depth = layer.iter().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for &(v, _) in &breadth_first(g) {
        rows[layer[v]].push(v);
    }
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); g.len()];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); g.len()];
    for &(a, b) in dag.iter().flatten() {
        down[a].push(b);
        up[b].push(a);
    }
    let mut position = vec![0.0f64; g.len()];
    for row in &rows {
        for (i, &v) in row.iter().enumerate() {
            position[v] = i as f64;
        }
    }
    for _ in 0..SWEEPS {
        for row in rows.iter_mut() {
            sweep_row(row, &up, &mut position, lanes);
        }
        for row in rows.iter_mut().rev() {
            sweep_row(row, &down, &mut position, lanes);
        }
    }
    rows
}

/// Sorts one row by lane, then by the barycenter of each node's neighbours
/// (a node without any keeps its place), and records the new positions.
fn sweep_row(row: &mut [usize], neighbours: &[Vec<usize>], position: &mut [f64], lanes: &Lanes) {
    let mut keyed: Vec<(usize, f64, usize)> = row
        .iter()
        .map(|&v| {
            let key = barycenter(&neighbours[v], position).unwrap_or(position[v]);
            (lanes.of[v], key, v)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for (i, (_, _, v)) in keyed.into_iter().enumerate() {
        row[i] = v;
        position[v] = i as f64;
    }
}

fn barycenter(neighbours: &[usize], position: &[f64]) -> Option<f64> {
    if neighbours.is_empty() {
        return None;
    }
    let sum: f64 = neighbours.iter().map(|&w| position[w]).sum();
    Some(sum / neighbours.len() as f64)
}
