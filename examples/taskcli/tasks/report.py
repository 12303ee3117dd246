"""What the tracker prints: task lines, selections, statistics and a Markdown export."""
from collections import Counter


def tag_text(tags):
    return " " + " ".join("#" + t for t in tags) if tags else ""


def line(task):
    mark = "x" if task.done else " "
    notes = f" ({len(task.notes)} note{'s' if len(task.notes) != 1 else ''})" if task.notes else ""
    return f"[{mark}] {task.ident:>3} {task.priority:<6} {task.title}{tag_text(task.tags)}{notes}"


def select(tasks, config, include_done, tag):
    chosen = [t for t in tasks if (include_done or not t.done) and (tag is None or tag in t.tags)]
    if config["list_order"] == "priority":
        chosen.sort(key=lambda t: (-config.priority_rank(t.priority), t.ident))
    return chosen


def stats(tasks, config):
    rows = []
    open_tasks = [t for t in tasks if not t.done]
    rows.append(f"{len(tasks)} tasks, {len(open_tasks)} open, {len(tasks) - len(open_tasks)} done")
    by_priority = Counter(t.priority for t in open_tasks)
    for name in reversed(config["priorities"]):
        bar = "#" * by_priority[name]
        rows.append(f"  {name:<6} {by_priority[name]:2d} {bar}")
    tags = Counter(tag for t in tasks for tag in t.tags)
    for tag, count in tags.most_common(3):
        rows.append(f"  tag {tag}: {count}")
    if tasks:
        share = 100 * (len(tasks) - len(open_tasks)) / len(tasks)
        rows.append(f"  progress {share:.1f}%")
    return rows


def markdown(tasks, config):
    out = ["# Tasks", ""]
    for name in reversed(config["priorities"]):
        group = [t for t in tasks if t.priority == name]
        if not group:
            continue
        out.append(f"## {name.capitalize()} ({len(group)})")
        for task in group:
            box = "x" if task.done else " "
            out.append(f"- [{box}] {task.title}{tag_text(task.tags)}")
            for note in task.notes:
                out.append(f"  - {note}")
        out.append("")
    return "\n".join(out)
