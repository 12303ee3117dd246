"""Text statistics: reads a document on stdin and reports counts, word
frequencies, sentence lengths, readability, bigrams and a histogram.

Usage: python text_stats.py < text_stats.input.txt
"""
import re
import sys
from collections import Counter, defaultdict
from itertools import islice, pairwise
from statistics import mean, median

STOPWORDS = {
    "the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "that", "was", "for",
    "on", "with", "as", "at", "by", "be", "this", "had", "his", "her", "he", "she",
    "i", "you", "not", "but", "from", "they", "were", "which", "are", "have", "all",
}

WORD_RE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word):
    word = word.lower()
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith("le") and count > 1:
        count -= 1
    return max(count, 1)


def read_paragraphs(stream):
    paragraph = []
    for raw in stream:
        line = raw.strip()
        if not line:
            if paragraph:
                yield " ".join(paragraph)
                paragraph = []
        else:
            paragraph.append(line)
    if paragraph:
        yield " ".join(paragraph)


class Stats:
    def __init__(self):
        self.words = Counter()
        self.lengths = Counter()
        self.first_seen = {}
        self.sentence_lengths = []
        self.bigrams = Counter()
        self.by_letter = defaultdict(set)
        self.chars = 0
        self.paragraphs = 0
        self.syllables = 0
        self.position = 0

    def add_paragraph(self, text):
        self.paragraphs += 1
        self.chars += len(text)
        for sentence in SENTENCE_RE.split(text):
            words = WORD_RE.findall(sentence)
            if not words:
                continue
            self.sentence_lengths.append(len(words))
            lowered = [w.lower() for w in words]
            for w in lowered:
                self.words[w] += 1
                self.lengths[len(w)] += 1
                self.syllables += syllables(w)
                self.first_seen.setdefault(w, self.position)
                self.by_letter[w[0]].add(w)
                self.position += 1
            content = [w for w in lowered if w not in STOPWORDS]
            self.bigrams.update(pairwise(content))

    @property
    def total_words(self):
        return sum(self.words.values())

    def flesch(self):
        words = self.total_words
        sentences = len(self.sentence_lengths)
        return 206.835 - 1.015 * (words / sentences) - 84.6 * (self.syllables / words)

    def top_words(self, n, skip_stopwords=True):
        ranked = sorted(self.words.items(), key=lambda kv: (-kv[1], self.first_seen[kv[0]]))
        if skip_stopwords:
            ranked = (kv for kv in ranked if kv[0] not in STOPWORDS)
        return list(islice(ranked, n))


def histogram(counter, width=40):
    biggest = max(counter.values())
    lines = []
    for key in sorted(counter):
        bar = "#" * max(1, round(counter[key] / biggest * width))
        lines.append(f"{key:>3} | {bar} {counter[key]}")
    return "\n".join(lines)


def main():
    lines = sys.stdin.readlines()
    stats = Stats()
    for para in read_paragraphs(lines):
        stats.add_paragraph(para)
    if stats.total_words == 0:
        print("no words", file=sys.stderr)
        sys.exit(1)

    print(f"lines:       {len(lines)}")
    print(f"paragraphs:  {stats.paragraphs}")
    print(f"sentences:   {len(stats.sentence_lengths)}")
    print(f"words:       {stats.total_words}")
    print(f"distinct:    {len(stats.words)}")
    print(f"characters:  {stats.chars}")
    print(f"syllables:   {stats.syllables}")
    print(f"mean sentence length:   {mean(stats.sentence_lengths):.2f} words")
    print(f"median sentence length: {median(stats.sentence_lengths)}")
    print(f"longest sentence:       {max(stats.sentence_lengths)} words")
    print(f"lexical diversity:      {len(stats.words) / stats.total_words:.3f}")
    print(f"Flesch reading ease:    {stats.flesch():.1f}")
    print()

    print("top words (no stopwords):")
    for rank, (word, count) in enumerate(stats.top_words(10), start=1):
        share = count / stats.total_words
        print(f"  {rank:2}. {word:<12} {count:3}  {share:6.2%}")
    print("top words (all):", ", ".join(f"{w}={c}" for w, c in stats.top_words(5, False)))
    print()

    print("top bigrams:")
    for (a, b), count in sorted(stats.bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
        print(f"  {a} {b}: {count}")
    print()

    print("word length histogram:")
    print(histogram(stats.lengths))
    print()

    longest = sorted(stats.words, key=lambda w: (-len(w), w))[:5]
    print("longest words:", longest)
    hapax = sorted(w for w, c in stats.words.items() if c == 1)
    print(f"hapax legomena: {len(hapax)}, first few: {hapax[:6]}")
    letters = sorted(stats.by_letter.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]
    for letter, words in letters:
        print(f"  {letter!r}: {len(words)} distinct words, e.g. {sorted(words)[:4]}")
    capitalised = Counter(m for line in lines for m in re.findall(r"\b[A-Z][a-z]+\b", line))
    print("capitalised:", capitalised.most_common(3))
    numbers = [int(n) for n in re.findall(r"\d+", "".join(lines))]
    print("numbers in text:", numbers, "sum", sum(numbers))
    vowels = Counter(ch for ch in "".join(lines).lower() if ch in "aeiou")
    print("vowels:", " ".join(f"{v}:{vowels[v]}" for v in "aeiou"))


if __name__ == "__main__":
    main()
