// N-queens, written by hand for comparison with the translation of ../nqueens.py.
struct Board {
    n: usize,
    cols: Vec<bool>,
    diag1: Vec<bool>,
    diag2: Vec<bool>,
    placed: Vec<usize>,
    solutions: Vec<Vec<usize>>,
}

impl Board {
    fn place(&mut self, row: usize) {
        let n = self.n;
        if row == n {
            self.solutions.push(self.placed.clone());
            return;
        }
        for col in 0..n {
            if self.cols[col] || self.diag1[row + col] || self.diag2[row + n - col] {
                continue;
            }
            self.cols[col] = true;
            self.diag1[row + col] = true;
            self.diag2[row + n - col] = true;
            self.placed.push(col);
            self.place(row + 1);
            self.placed.pop();
            self.cols[col] = false;
            self.diag1[row + col] = false;
            self.diag2[row + n - col] = false;
        }
    }
}

fn solve(n: usize) -> Vec<Vec<usize>> {
    let mut board = Board {
        n,
        cols: vec![false; n],
        diag1: vec![false; 2 * n],
        diag2: vec![false; 2 * n],
        placed: Vec::new(),
        solutions: Vec::new(),
    };
    board.place(0);
    board.solutions
}

fn main() {
    let mut total = 0;
    for round_no in 0..2 {
        for size in 4..13 {
            let found = solve(size);
            total += found.len();
            if round_no == 0 {
                println!("{} {} {:?} {:?}", size, found.len(), found[0], found[found.len() - 1]);
            }
        }
    }
    println!("total {}", total);
}
