// Dijkstra with a binary heap, written by hand for comparison with the translation of ../dijkstra.py.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

fn make_graph(nodes: usize, edges_per_node: usize, seed: u64) -> Vec<Vec<(usize, i64)>> {
    let mut graph = vec![Vec::new(); nodes];
    let mut state = seed;
    for u in 0..nodes {
        for _ in 0..edges_per_node {
            state = (state * 1103515245 + 12345) % 2147483648;
            let v = (state % nodes as u64) as usize;
            state = (state * 1103515245 + 12345) % 2147483648;
            let weight = 1 + (state % 100) as i64;
            graph[u].push((v, weight));
            graph[v].push((u, weight));
        }
    }
    graph
}

fn shortest_paths(graph: &[Vec<(usize, i64)>], source: usize) -> Vec<i64> {
    let mut dist = vec![-1i64; graph.len()];
    dist[source] = 0;
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0i64, source)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if d > dist[u] {
            continue;
        }
        for &(v, w) in &graph[u] {
            let nd = d + w;
            if dist[v] < 0 || nd < dist[v] {
                dist[v] = nd;
                heap.push(Reverse((nd, v)));
            }
        }
    }
    dist
}

fn main() {
    let graph = make_graph(20000, 4, 2024);
    for source in (0..20000).step_by(1250) {
        let dist = shortest_paths(&graph, source);
        let reachable: Vec<i64> = dist.into_iter().filter(|&d| d >= 0).collect();
        println!("{} {} {} {}", source, reachable.len(), reachable.iter().max().unwrap(), reachable.iter().sum::<i64>());
    }
}
