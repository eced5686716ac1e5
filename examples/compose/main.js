// Starts the example's wasm (wasm-bindgen's `--target web` output in ../../target/compose/).
import init from '../../target/compose/aftercare-example-compose.js';
init();
