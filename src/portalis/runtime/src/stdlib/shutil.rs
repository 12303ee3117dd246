//! `shutil`: copying files and removing folder trees.

use crate::exc::*;
use crate::file::os_error;
use crate::methods::Args;
use crate::stdlib::os::{join, split};
use crate::value::*;

pub fn call(name: &str, a: &Args) -> PyResult<Value> {
    match name {
        "shutil.copy" | "shutil.copyfile" => {
            let (src, dst) = (a.text(0, "src")?.to_string(), a.text(1, "dst")?.to_string());
            let target = if name == "shutil.copy" && std::path::Path::new(&dst).is_dir() {
                join(&dst, &split(&src).1)
            } else {
                dst
            };
            let data = crate::file::read_bytes(&src)?;
            std::fs::write(&target, data).map_err(|e| os_error(&e, Some(&target)))?;
            Ok(Value::string(target))
        }
        "shutil.rmtree" => {
            let dir = a.text(0, "path")?;
            let ignore = a.get(1, "ignore_errors").map(|v| v.truthy()).unwrap_or(false);
            match remove_tree(std::path::Path::new(&*dir)) {
                Err(e) if !ignore => Err(os_error(&e, Some(&dir))),
                _ => Ok(Value::None),
            }
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'shutil' has no attribute '{}'", a.method))),
    }
}

/// Remove a folder and everything in it, depth first (std's `remove_dir_all` is not
/// recursive on wasm32-wasi with Rust 1.63).  Entries are listed before any is removed:
/// a WASI directory stream skips entries when the folder changes under it.
fn remove_tree(dir: &std::path::Path) -> std::io::Result<()> {
    let entries = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    for entry in entries {
        let path = entry.path();
        if std::fs::symlink_metadata(&path)?.is_dir() {
            remove_tree(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    std::fs::remove_dir(dir)
}
