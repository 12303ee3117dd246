"""Text output: the note table, statistics, and a Markdown export."""
import textwrap


def table(notes, width):
    if not notes:
        return "no notes"
    lines = [f"{'id':>3}  {'pri':<6} {'tags':<14} text", "-" * width]
    for note in notes:
        mark = "x" if note["done"] else " "
        tags = ",".join(note["tags"])
        wrapped = textwrap.wrap(note["text"], width - 27) or [""]
        lines.append(f"{note['id']:>3}{mark} {note['priority']:<6} {tags:<14} {wrapped[0]}")
        for more in wrapped[1:]:
            lines.append(" " * 26 + more)
    return "\n".join(lines)


def stats(notes):
    by_tag = {}
    for note in notes:
        for tag in note["tags"]:
            counts = by_tag.setdefault(tag, [0, 0])
            counts[1 if note["done"] else 0] += 1
    done = sum(1 for n in notes if n["done"])
    out = [f"{len(notes)} notes, {done} done ({done * 100 // max(len(notes), 1)}%)"]
    for tag, (open_count, done_count) in sorted(by_tag.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        out.append(f"  {tag:<10} open {open_count:>2}  done {done_count:>2}  " + "#" * (open_count + done_count))
    return "\n".join(out)


def markdown(notes, title):
    lines = [f"# {title}", ""]
    for note in notes:
        box = "[x]" if note["done"] else "[ ]"
        tags = " ".join("`" + t + "`" for t in note["tags"])
        lines.append(f"- {box} **{note['priority']}** {note['text']} {tags}".rstrip())
    return "\n".join(lines) + "\n"
