// Word frequencies, written by hand for comparison with the translation of ../word_freq.py.
use std::collections::HashMap;

const SYLLABLES: [&str; 16] = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "be", "do", "ze", "pu", "an", "or", "el", "is"];

fn next(state: u64) -> u64 {
    (state * 1103515245 + 12345) % 2147483648
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(|c| c.to_lowercase())).collect(),
        None => String::new(),
    }
}

fn generate_text(words: usize, seed: u64) -> String {
    let mut state = seed;
    let mut out: Vec<String> = Vec::new();
    for i in 0..words {
        state = next(state);
        let length = 1 + (state >> 16) % 3;
        let mut word = String::new();
        for _ in 0..length {
            state = next(state);
            word += SYLLABLES[((state >> 12) % SYLLABLES.len() as u64) as usize];
        }
        if i % 17 == 0 {
            word = capitalize(&word);
        }
        out.push(word);
        if i % 11 == 10 {
            out.push("\n".to_string());
        }
    }
    out.join(" ")
}

/// Add one to `word`'s count, allocating its key only the first time it is seen.
fn bump(map: &mut HashMap<String, i64>, word: &str) {
    match map.get_mut(word) {
        Some(n) => *n += 1,
        None => {
            map.insert(word.to_string(), 1);
        }
    }
}

fn count_words(text: &str) -> (HashMap<String, i64>, HashMap<String, i64>) {
    let mut counts: HashMap<String, i64> = HashMap::new();
    let mut pairs: HashMap<String, i64> = HashMap::new();
    let mut previous: Option<String> = None;
    let mut key = String::new();
    for line in text.split('\n') {
        for word in line.split_whitespace() {
            let word = word.to_lowercase();
            bump(&mut counts, &word);
            if let Some(prev) = &previous {
                key.clear();
                key.push_str(prev);
                key.push(' ');
                key.push_str(&word);
                bump(&mut pairs, &key);
            }
            previous = Some(word);
        }
    }
    (counts, pairs)
}

fn top(map: &HashMap<String, i64>, k: usize) -> Vec<(&str, i64)> {
    let mut items: Vec<(&str, i64)> = map.iter().map(|(w, &n)| (w.as_str(), n)).collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    items.truncate(k);
    items
}

fn show(items: &[(&str, i64)]) -> String {
    let parts: Vec<String> = items.iter().map(|(w, n)| format!("('{}', {})", w, n)).collect();
    format!("[{}]", parts.join(", "))
}

fn main() {
    let text = generate_text(500000, 7);
    let (counts, pairs) = count_words(&text);
    let mut by_letter: HashMap<String, i64> = HashMap::new();
    for (word, n) in &counts {
        *by_letter.entry(word[..1].to_string()).or_insert(0) += n;
    }
    let mut letters: Vec<(&str, i64)> = by_letter.iter().map(|(w, &n)| (w.as_str(), n)).collect();
    letters.sort();
    println!("{} {} {}", text.chars().count(), counts.len(), pairs.len());
    println!("{}", show(&top(&counts, 5)));
    println!("{}", show(&top(&pairs, 3)));
    println!("{}", show(&letters));
}
