// Binary trees, written by hand for comparison with the translation of ../binary_trees.py.
struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

impl Node {
    fn check(&self) -> i64 {
        match (&self.left, &self.right) {
            (Some(left), Some(right)) => 1 + left.check() + right.check(),
            _ => 1,
        }
    }
}

fn make_tree(depth: u32) -> Box<Node> {
    if depth == 0 {
        return Box::new(Node { left: None, right: None });
    }
    Box::new(Node { left: Some(make_tree(depth - 1)), right: Some(make_tree(depth - 1)) })
}

fn main() {
    let max_depth = 14;
    let min_depth = 4;
    let stretch = max_depth + 1;
    println!("stretch tree of depth {}\t check: {}", stretch, make_tree(stretch).check());
    let long_lived = make_tree(max_depth);
    for depth in (min_depth..=max_depth).step_by(2) {
        let iterations = 1i64 << (max_depth - depth + min_depth);
        let mut total = 0;
        for _ in 0..iterations {
            total += make_tree(depth).check();
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, total);
    }
    println!("long lived tree of depth {}\t check: {}", max_depth, long_lived.check());
}
