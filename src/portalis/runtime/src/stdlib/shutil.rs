//! `shutil`: copying files and folder trees, moving them, removing folder trees.

use crate::exc::*;
use crate::file::{errno_error, os_error};
use crate::methods::Args;
use crate::stdlib::os::{join, path_text, split};
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
        "shutil.copytree" => {
            let (src, dst) = (path_text(a.req(0, "src")?)?, path_text(a.req(1, "dst")?)?);
            let exist_ok = a.kw.iter().any(|(k, v)| *k == "dirs_exist_ok" && v.truthy());
            if !std::path::Path::new(&src).is_dir() {
                let e = std::fs::read_dir(&src).err().unwrap_or_else(|| std::io::Error::from_raw_os_error(20));
                return Err(os_error(&e, Some(&src)));
            }
            if std::path::Path::new(&dst).exists() && !exist_ok {
                return Err(errno_error(&FILE_EXISTS_ERROR, 17, "File exists", Some(&dst)));
            }
            copy_tree(std::path::Path::new(&src), std::path::Path::new(&dst)).map_err(|e| os_error(&e, Some(&dst)))?;
            Ok(Value::string(dst))
        }
        "shutil.move" => {
            let (src, dst) = (path_text(a.req(0, "src")?)?, path_text(a.req(1, "dst")?)?);
            let target = if std::path::Path::new(&dst).is_dir() {
                let inside = join(&dst, &split(src.trim_end_matches('/')).1);
                if std::path::Path::new(&inside).exists() {
                    return Err(PyErr::new(&SHUTIL_ERROR, format!("Destination path '{}' already exists", inside)));
                }
                inside
            } else {
                dst
            };
            if std::fs::symlink_metadata(&src).is_err() {
                return Err(errno_error(&FILE_NOT_FOUND_ERROR, 2, "No such file or directory", Some(&src)));
            }
            if std::fs::rename(&src, &target).is_err() {
                // another file system: copy, then remove the original
                let source = std::path::Path::new(&src);
                let copied = if source.is_dir() {
                    copy_tree(source, std::path::Path::new(&target)).and_then(|_| remove_tree(source))
                } else {
                    std::fs::copy(&src, &target).and_then(|_| std::fs::remove_file(&src))
                };
                copied.map_err(|e| os_error(&e, Some(&src)))?;
            }
            Ok(Value::string(target))
        }
        _ => Err(PyErr::new(&ATTRIBUTE_ERROR, format!("module 'shutil' has no attribute '{}'", a.method))),
    }
}

pub static SHUTIL_ERROR: ExcType = ExcType { name: "shutil.Error", base: Some(&OS_ERROR) };

/// Copy a folder and everything in it (folders made as needed; files overwritten).
fn copy_tree(src: &std::path::Path, dst: &std::path::Path) -> std::io::Result<()> {
    if !dst.is_dir() {
        std::fs::create_dir_all(dst)?;
    }
    for entry in std::fs::read_dir(src)?.collect::<std::io::Result<Vec<_>>>()? {
        let (from, to) = (entry.path(), dst.join(entry.file_name()));
        if std::fs::metadata(&from)?.is_dir() {
            copy_tree(&from, &to)?;
        } else {
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
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
