//! The picture as an index graph, and its layers: back edges found by a
//! depth-first search from the start are turned around, then every node
//! gets the longest path from a source (linear in nodes and edges).

use std::collections::HashMap;

use crate::draw::picture::Picture;

/// Nodes are the picture's node indexes; edges keep the picture's order.
#[derive(Debug)]
pub(crate) struct Graph {
    /// `(from, to, index into Picture::edges)`.
    pub(crate) edges: Vec<(usize, usize, usize)>,
    /// Outgoing edge indexes (into `edges`) per node.
    pub(crate) out: Vec<Vec<usize>>,
    /// Incoming edge indexes per node.
    pub(crate) inc: Vec<Vec<usize>>,
}

impl Graph {
    /// The picture's edges between nodes it has.
    pub(crate) fn of(picture: &Picture) -> Graph {
        let index: HashMap<&str, usize> = picture
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.key.as_str(), i))
            .collect();
        let n = picture.nodes.len();
        let mut graph = Graph {
            edges: Vec::new(),
            out: vec![Vec::new(); n],
            inc: vec![Vec::new(); n],
        };
        for (i, e) in picture.edges.iter().enumerate() {
            let (Some(&from), Some(&to)) = (index.get(e.from.as_str()), index.get(e.to.as_str()))
            else {
                continue;
            };
            let id = graph.edges.len();
            graph.edges.push((from, to, i));
            graph.out[from].push(id);
            graph.inc[to].push(id);
        }
        graph
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.out.len()
    }
}

/// Which edges close a cycle (found from node 0 first, then from every
/// node not reached yet, in order).
fn back_edges(g: &Graph) -> Vec<bool> {
    let mut back = vec![false; g.edges.len()];
    // 0: not seen, 1: on the path, 2: done.
    let mut state = vec![0u8; g.len()];
    for root in 0..g.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if let Some(&edge) = g.out[node].get(next) {
                top.1 += 1;
                let to = g.edges[edge].1;
                match state[to] {
                    0 => {
                        state[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => back[edge] = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    back
}

/// The acyclic direction of every edge: `(upper, lower)`, `None` for a
/// loop on one node.
pub(crate) fn acyclic(g: &Graph) -> Vec<Option<(usize, usize)>> {
    let back = back_edges(g);
    g.edges
        .iter()
        .zip(back)
        .map(|(&(from, to, _), back)| match (from == to, back) {
            (true, _) => None,
            (false, true) => Some((to, from)),
            (false, false) => Some((from, to)),
        })
        .collect()
}

/// The layer of every node: the longest path from a source along the
/// acyclic edges; then every source is moved down to just above its
/// highest successor, so that an event that may come at any time stands
/// next to where it leads.
pub(crate) fn layers(g: &Graph, dag: &[Option<(usize, usize)>]) -> Vec<usize> {
    let n = g.len();
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in dag.iter().flatten() {
        down[a].push(b);
        indegree[b] += 1;
    }
    let sources: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut layer = vec![0usize; n];
    let mut queue = sources.clone();
    let mut head = 0;
    while let Some(&v) = queue.get(head) {
        head += 1;
        for &w in &down[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push(w);
            }
        }
    }
    for v in sources {
        if let Some(lowest) = down[v].iter().map(|&w| layer[w]).min() {
            layer[v] = lowest.saturating_sub(1);
        }
    }
    layer
}
