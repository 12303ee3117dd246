"""Word frequencies: generate a long text from syllables, then count words and pairs in dicts."""

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "be", "do", "ze", "pu", "an", "or", "el", "is"]


def generate_text(words, seed):
    state = seed
    out = []
    for i in range(words):
        state = (state * 1103515245 + 12345) % 2147483648
        length = 1 + (state >> 16) % 3
        word = ""
        for _ in range(length):
            state = (state * 1103515245 + 12345) % 2147483648
            word += SYLLABLES[(state >> 12) % len(SYLLABLES)]
        if i % 17 == 0:
            word = word.capitalize()
        out.append(word)
        if i % 11 == 10:
            out.append("\n")
    return " ".join(out)


def count_words(text):
    counts = {}
    pairs = {}
    previous = None
    for line in text.split("\n"):
        for word in line.split():
            word = word.lower()
            counts[word] = counts.get(word, 0) + 1
            if previous is not None:
                key = previous + " " + word
                pairs[key] = pairs.get(key, 0) + 1
            previous = word
    return counts, pairs


def main():
    text = generate_text(500000, 7)
    counts, pairs = count_words(text)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
    top_pairs = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:3]
    by_letter = {}
    for word, n in counts.items():
        by_letter[word[0]] = by_letter.get(word[0], 0) + n
    print(len(text), len(counts), len(pairs))
    print(top)
    print(top_pairs)
    print(sorted(by_letter.items()))


main()
