// Fannkuch-redux, written by hand for comparison with the translation of ../fannkuch.py.
fn fannkuch(n: usize) -> (i64, i64) {
    let mut perm1: Vec<usize> = (0..n).collect();
    let mut count = vec![0usize; n];
    let mut max_flips = 0;
    let mut checksum = 0;
    let mut sign = 1;
    let mut r = n;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        let mut perm = perm1.clone();
        let mut flips = 0;
        let mut k = perm[0];
        while k != 0 {
            perm[..=k].reverse();
            flips += 1;
            k = perm[0];
        }
        max_flips = max_flips.max(flips);
        checksum += if sign == 1 { flips } else { -flips };
        sign = -sign;
        loop {
            if r == n {
                return (checksum, max_flips);
            }
            perm1[..=r].rotate_left(1);
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
    }
}

fn main() {
    for n in [8, 9, 9] {
        let (checksum, flips) = fannkuch(n);
        println!("{}", checksum);
        println!("Pfannkuchen({}) = {}", n, flips);
    }
}
