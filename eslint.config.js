// ESLint for src/, test/, scripts/ and bench/: JavaScript's and typescript-eslint's recommended rules,
// plus no-shadow (a shadowed name has hidden real bugs here). Formatting is Prettier's job.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "bench/results/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Control characters are matched on purpose: the CLI's text output, ANSI colours, escaping.
      "no-control-regex": "off",
      "no-shadow": "off",
      "@typescript-eslint/no-shadow": "error",
      // `_name` marks what is unused on purpose (a destructured field left out).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
);
