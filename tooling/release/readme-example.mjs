// A README's first example as a runnable ES module: the first ```ts/```js block, types stripped by the
// TypeScript compiler (transpile only), so what a user copies is exactly what is run.
import ts from "typescript";

/** The first fenced TypeScript or JavaScript block of a README. */
export function firstExample(readme) {
  const match = /```(?:ts|typescript|js|javascript)\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error("the README has no ```ts example");
  return match[1];
}

/** Strip types; keep ESM and top-level await. */
export function toRunnableJs(source) {
  return ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
  }).outputText;
}

/**
 * Files the README shows for its examples: a fenced block whose first line is a comment naming a file
 * (`# mapping.yaml`, `// config.json`) is written under that name before the example runs.
 */
export function exampleFiles(readme) {
  const files = [];
  for (const match of readme.matchAll(/```[a-z]*\n(?:#|\/\/) ([\w.-]+\.[a-z]+)\n([\s\S]*?)```/g)) {
    files.push({ name: match[1], content: match[2] });
  }
  return files;
}
