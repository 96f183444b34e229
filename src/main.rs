#[cfg(target_arch = "wasm32")]
fn main() {
    winloss::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Winloss runs in the browser: use `make run` and open http://127.0.0.1:8080");
}
