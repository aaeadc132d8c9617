import { render } from "preact";
import { App } from "./app";
import "./self-test";

const root = document.getElementById("app");
if (root) render(<App />, root);
