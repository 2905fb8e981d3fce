import { createRequire as __freshbaseCreateRequire } from 'node:module';const require = __freshbaseCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/config/config.ts
var DEFAULTS = {
  concurrency: 8,
  pinUnpinned: true,
  timeoutMs: 3e4
};
var CORE_KEYS = [
  "root",
  "include",
  "exclude",
  "docker-config",
  "insecure-registries",
  "registry-map",
  "concurrency",
  "pin-unpinned",
  "ignore",
  "timeout"
];
var ConfigError = class extends Error {
  problems;
  constructor(problems) {
    super(
      problems.length === 1 ? problems[0] ?? "" : `${problems.length} configuration problems:
- ${problems.join("\n- ")}`
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
};
var HOST_PATTERN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
function parseConfig(raw) {
  const problems = [];
  const list = (key) => readList(raw, key, problems);
  const root = readString(raw, "root", problems) ?? ".";
  const dockerConfig = readString(raw, "docker-config", problems);
  const insecureRegistries = list("insecure-registries").map(
    (h) => h.toLowerCase()
  );
  for (const host of insecureRegistries) {
    if (!HOST_PATTERN.test(host)) {
      problems.push(
        `'insecure-registries': "${host}" is not a registry host; use host or host:port, e.g. registry.local:5000.`
      );
    }
  }
  const config = {
    root,
    include: list("include"),
    exclude: list("exclude"),
    ...dockerConfig === void 0 ? {} : { dockerConfig },
    insecureRegistries,
    registryMap: readRegistryMap(list("registry-map"), problems),
    concurrency: readInteger(
      raw,
      "concurrency",
      1,
      64,
      DEFAULTS.concurrency,
      problems
    ),
    pinUnpinned: readBoolean(
      raw,
      "pin-unpinned",
      DEFAULTS.pinUnpinned,
      problems
    ),
    ignore: list("ignore"),
    timeoutMs: readInteger(raw, "timeout", 1, 600, DEFAULTS.timeoutMs / 1e3, problems) * 1e3
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
function readString(raw, key, problems) {
  const value = raw[key];
  if (value === void 0 || value === "") return void 0;
  if (typeof value === "string") return value;
  problems.push(`'${key}' must be a single string, got ${describe(value)}.`);
  return void 0;
}
function readList(raw, key, problems) {
  const value = raw[key];
  if (value === void 0) return [];
  if (typeof value === "string") return splitList(value);
  if (Array.isArray(value)) {
    const items = value;
    if (items.every((item) => typeof item === "string")) {
      return items.flatMap((item) => splitList(item));
    }
  }
  problems.push(`'${key}' must be a list of strings, got ${describe(value)}.`);
  return [];
}
function splitList(text) {
  return text.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "" && !item.startsWith("#"));
}
function readInteger(raw, key, min, max, fallback, problems) {
  const value = raw[key];
  if (value === void 0 || value === "") return fallback;
  const number = typeof value === "number" ? value : Number(value);
  if (typeof value !== "number" && typeof value !== "string" || !Number.isInteger(number) || number < min || number > max) {
    problems.push(
      `'${key}' must be a whole number from ${min} to ${max}, got ${describe(value)}.`
    );
    return fallback;
  }
  return number;
}
function readBoolean(raw, key, fallback, problems) {
  const value = raw[key];
  if (value === void 0 || value === "") return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === "true";
  }
  problems.push(`'${key}' must be true or false, got ${describe(value)}.`);
  return fallback;
}
function readRegistryMap(entries, problems) {
  const map = {};
  for (const entry of entries) {
    const match = /^(?<from>[^=\s]+)=(?<to>[^=\s]+)$/.exec(entry);
    const from = match?.groups?.["from"]?.toLowerCase();
    const to = match?.groups?.["to"]?.toLowerCase();
    if (from === void 0 || to === void 0 || !HOST_PATTERN.test(from) || !HOST_PATTERN.test(to)) {
      problems.push(
        `'registry-map': "${entry}" must be from=to with two registry hosts, e.g. docker.io=mirror.local:5000.`
      );
      continue;
    }
    map[from === "index.docker.io" ? "docker.io" : from] = to;
  }
  return map;
}
function describe(value) {
  return Array.isArray(value) ? `a list` : JSON.stringify(value);
}

export {
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  CORE_KEYS,
  ConfigError,
  parseConfig,
  splitList
};
