// Spectral norm, written by hand for comparison with the translation of ../spectral_norm.py.
fn eval_a(i: usize, j: usize) -> f64 {
    1.0 / ((i + j) * (i + j + 1) / 2 + i + 1) as f64
}

fn mul_av(v: &[f64]) -> Vec<f64> {
    let n = v.len();
    (0..n).map(|i| (0..n).map(|j| eval_a(i, j) * v[j]).fold(0.0, |acc, x| acc + x)).collect()
}

fn mul_atv(v: &[f64]) -> Vec<f64> {
    let n = v.len();
    (0..n).map(|i| (0..n).map(|j| eval_a(j, i) * v[j]).fold(0.0, |acc, x| acc + x)).collect()
}

fn mul_atav(v: &[f64]) -> Vec<f64> {
    mul_atv(&mul_av(v))
}

fn spectral_norm(n: usize) -> f64 {
    let mut u = vec![1.0; n];
    let mut v = u.clone();
    for _ in 0..10 {
        v = mul_atav(&u);
        u = mul_atav(&v);
    }
    let mut vbv = 0.0;
    let mut vv = 0.0;
    for i in 0..n {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    (vbv / vv).powf(0.5)
}

fn main() {
    println!("{:.9}", spectral_norm(400));
}
