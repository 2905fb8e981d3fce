import { createRequire as __freshbaseCreateRequire } from 'node:module';const require = __freshbaseCreateRequire(import.meta.url);
import {
  ConfigError,
  __toESM,
  require_dist
} from "./chunk-TP55JNBO.js";

// src/config/config-file.ts
var import_yaml = __toESM(require_dist(), 1);
function parseConfigFile(file, text, allowedKeys) {
  let data;
  try {
    data = (0, import_yaml.parse)(text);
  } catch (error) {
    throw new ConfigError([
      `${file}: not valid YAML: ${error.message.split("\n")[0]}. Fix the syntax.`
    ]);
  }
  if (data === null || data === void 0) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError([
      `${file}: must be a mapping of option names to values.`
    ]);
  }
  const problems = [];
  const raw = {};
  for (const [key, value] of Object.entries(data)) {
    if (!allowedKeys.includes(key)) {
      problems.push(
        `${file}: unknown key '${key}'. Allowed keys: ${allowedKeys.join(", ")}.`
      );
    } else if (isRawValue(value)) {
      raw[key] = value;
    } else if (isStringMapping(value)) {
      raw[key] = Object.entries(value).map(([name, to]) => `${name}=${to}`);
    } else {
      problems.push(
        `${file}: '${key}' must be a string, number, boolean, list of strings or a mapping of strings.`
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return raw;
}
function isRawValue(value) {
  if (value === null) return false;
  if (["string", "number", "boolean"].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
function isStringMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");
}
export {
  parseConfigFile
};
