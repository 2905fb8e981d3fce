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

// src/config/fields.ts
var FieldReader = class {
  constructor(raw, problems) {
    this.raw = raw;
    this.problems = problems;
  }
  raw;
  problems;
  string(key) {
    const value = this.given(key);
    if (value === void 0 || typeof value === "string") return value?.trim();
    return this.wrong(key, "a single string", void 0);
  }
  list(key) {
    const value = this.given(key);
    if (value === void 0) return [];
    if (typeof value === "string") return splitList(value);
    if (isStringArray(value)) return value.flatMap((item) => splitList(item));
    return this.wrong(key, "a list of strings", []);
  }
  boolean(key, fallback) {
    const value = this.given(key);
    if (value === void 0) return fallback;
    if (typeof value === "boolean") return value;
    const word = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (word === "true" || word === "false") return word === "true";
    return this.wrong(key, "true or false", fallback);
  }
  integer(key, min, max, fallback) {
    const value = this.given(key);
    if (value === void 0) return fallback;
    const number = wholeNumber(value);
    if (number !== void 0 && number >= min && number <= max) return number;
    return this.wrong(key, `a whole number from ${min} to ${max}`, fallback);
  }
  oneOf(key, allowed, fallback) {
    const value = this.string(key)?.toLowerCase();
    if (value === void 0) return fallback;
    const found = allowed.find((a) => a === value);
    return found ?? this.wrong(key, `one of ${allowed.join(", ")}`, fallback);
  }
  /** `name=value`, one per line (a value may hold commas: platforms=linux/amd64,linux/arm64). */
  keyValues(key) {
    const value = this.given(key);
    if (value === void 0) return {};
    const lines = typeof value === "string" ? value.split("\n") : isStringArray(value) ? value : this.wrong(key, "name=value lines", []);
    const out = {};
    for (const line of lines.map((l) => l.trim())) {
      if (line === "" || line.startsWith("#")) continue;
      const eq = line.indexOf("=");
      const name = line.slice(0, eq).trim();
      if (eq <= 0 || name === "") {
        this.problems.push(
          `'${key}': "${line}" must be name=value (one per line).`
        );
        continue;
      }
      out[name] = line.slice(eq + 1).trim();
    }
    return out;
  }
  /** A value that is there: an all-blank string counts as not given. */
  given(key) {
    const value = this.raw[key];
    return typeof value === "string" && value.trim() === "" ? void 0 : value;
  }
  wrong(key, allowed, fallback) {
    this.problems.push(
      `'${key}' must be ${allowed}, got ${describe(this.raw[key])}.`
    );
    return fallback;
  }
};
function splitList(text) {
  return text.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "" && !item.startsWith("#"));
}
function wholeNumber(value) {
  if (typeof value === "number")
    return Number.isInteger(value) ? value : void 0;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value.trim()))
    return void 0;
  return Number(value.trim());
}
function isStringArray(value) {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
function describe(value) {
  return Array.isArray(value) ? "a list" : JSON.stringify(value);
}

// src/core/platform.ts
function normalizeArch(architecture, variant) {
  switch (architecture) {
    case "i386":
      return { architecture: "386", variant: "" };
    case "x86_64":
    case "x86-64":
    case "amd64":
      return { architecture: "amd64", variant: variant === "v1" ? "" : variant };
    case "aarch64":
    case "arm64":
      return { architecture: "arm64", variant: arm64Variant(variant) };
    case "armhf":
      return { architecture: "arm", variant: "v7" };
    case "armel":
      return { architecture: "arm", variant: "v6" };
    case "arm":
      return { architecture: "arm", variant: armVariant(variant) };
    default:
      return { architecture, variant };
  }
}
function arm64Variant(variant) {
  if (["8", "v8", "v8.0"].includes(variant)) return "";
  if (["9", "9.0", "v9.0"].includes(variant)) return "v9";
  return variant;
}
function armVariant(variant) {
  if (variant === "" || variant === "7") return "v7";
  return ["5", "6", "8"].includes(variant) ? `v${variant}` : variant;
}
function normalizePlatform(platform) {
  const os = platform.os.toLowerCase();
  const { architecture, variant } = normalizeArch(
    platform.architecture.toLowerCase(),
    (platform.variant ?? "").toLowerCase()
  );
  const normalOs = os === "macos" ? "darwin" : os;
  return variant === "" ? { os: normalOs, architecture } : { os: normalOs, architecture, variant };
}
function platformMatches(offered, wanted) {
  const a = normalizePlatform(offered);
  const b = normalizePlatform(wanted);
  return a.os === b.os && a.architecture === b.architecture && (a.variant ?? "") === (b.variant ?? "");
}
function findPlatform(entries, wanted) {
  return entries.find((entry) => platformMatches(entry.platform, wanted));
}
function parsePlatform(text) {
  const parts = text.toLowerCase().split("/");
  const [os, architecture, variant] = parts;
  if (parts.length > 3 || os === void 0 || architecture === void 0 || os === "" || architecture === "") {
    return void 0;
  }
  return variant === void 0 || variant === "" ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part !== void 0 && part !== "").join("/");
}
function platformObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return void 0;
  const record = value;
  const text = (name) => typeof record[name] === "string" ? record[name] : void 0;
  const os = text("os");
  const architecture = text("architecture");
  if (os === void 0 || architecture === void 0) return void 0;
  const variant = text("variant");
  return variant === void 0 || variant === "" ? { os, architecture } : { os, architecture, variant };
}

// src/config/evidence-settings.ts
var DEFAULT_OSV_URL = "https://api.osv.dev";
var PLATFORM_PART = /^[a-z0-9._-]+$/i;
function readPlatforms(fields, problems) {
  const platforms = fields.list("platforms");
  for (const platform of platforms) {
    const valid = parsePlatform(platform) !== void 0 && platform.split("/").every((part) => PLATFORM_PART.test(part));
    if (!valid) {
      problems.push(
        `'platforms': "${platform}" is not a platform; use os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8.`
      );
    }
  }
  return platforms;
}
function readOsvUrl(fields, problems) {
  const text = fields.string("osv-url");
  if (text === void 0) return DEFAULT_OSV_URL;
  let url;
  try {
    url = new URL(text);
  } catch {
    url = void 0;
  }
  if (url === void 0 || url.protocol !== "https:" && url.protocol !== "http:" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    problems.push(
      `'osv-url': "${text}" is not an http(s) URL of an OSV API; use e.g. ${DEFAULT_OSV_URL} (the default) or your mirror's base URL, without query or credentials.`
    );
    return DEFAULT_OSV_URL;
  }
  return text.replace(/\/+$/, "");
}

// src/config/config.ts
var DEFAULTS = {
  concurrency: 8,
  pinUnpinned: true,
  timeoutMs: 3e4,
  osv: true
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
  "timeout",
  "platforms",
  "osv",
  "osv-url"
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
  const fields = new FieldReader(raw, problems);
  const dockerConfig = fields.string("docker-config");
  const config = {
    root: fields.string("root") ?? ".",
    include: fields.list("include"),
    exclude: fields.list("exclude"),
    ...dockerConfig === void 0 ? {} : { dockerConfig },
    insecureRegistries: readHosts(fields.list("insecure-registries"), problems),
    registryMap: readRegistryMap(fields.list("registry-map"), problems),
    concurrency: fields.integer("concurrency", 1, 64, DEFAULTS.concurrency),
    pinUnpinned: fields.boolean("pin-unpinned", DEFAULTS.pinUnpinned),
    ignore: fields.list("ignore"),
    timeoutMs: fields.integer("timeout", 1, 600, DEFAULTS.timeoutMs / 1e3) * 1e3,
    platforms: readPlatforms(fields, problems),
    osv: fields.boolean("osv", DEFAULTS.osv),
    osvUrl: readOsvUrl(fields, problems)
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
function readHosts(hosts, problems) {
  const lower = hosts.map((h) => h.toLowerCase());
  for (const host of lower) {
    if (!HOST_PATTERN.test(host)) {
      problems.push(
        `'insecure-registries': "${host}" is not a registry host; use host or host:port, e.g. registry.local:5000.`
      );
    }
  }
  return lower;
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

export {
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  FieldReader,
  platformMatches,
  findPlatform,
  parsePlatform,
  formatPlatform,
  platformObject,
  CORE_KEYS,
  ConfigError,
  parseConfig
};
