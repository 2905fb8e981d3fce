#!/usr/bin/env node
import { createRequire as __freshbaseCreateRequire } from 'node:module';const require = __freshbaseCreateRequire(import.meta.url);
import {
  buildPorts,
  hasFailures,
  run,
  shortDigest
} from "./chunk-MLTGDEGC.js";
import {
  CORE_KEYS,
  ConfigError,
  parseConfig
} from "./chunk-RUZ2FGXB.js";

// src/cli/main.ts
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/log/logger.ts
function createConsoleLogger(options) {
  const secrets = /* @__PURE__ */ new Set();
  const mask = (text) => maskSecrets(text, secrets);
  const where = (w) => w === void 0 ? "" : `${w.file}:${w.line}: `;
  return {
    mask,
    info: (message) => options.write(mask(message)),
    warn: (message, w) => options.write(mask(`warning: ${where(w)}${message}`)),
    error: (message, w) => options.write(mask(`error: ${where(w)}${message}`)),
    debug: (message) => {
      if (options.verbose) options.write(mask(`debug: ${message}`));
    },
    secret: (value) => {
      if (value.length >= 4) secrets.add(value);
    },
    group: async (name, fn) => {
      const started = performance.now();
      try {
        return await fn();
      } finally {
        if (options.verbose) {
          options.write(
            `debug: ${name} took ${Math.round(performance.now() - started)} ms`
          );
        }
      }
    }
  };
}
function maskSecrets(text, secrets) {
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join("***");
  return masked;
}

// src/version.ts
var VERSION = "0.4.0";

// src/cli/help.ts
var HELP = `freshbase \u2014 pin container base images to the digest their tag points to now.

Usage:
  freshbase check [dir] [options]   dry run: one row per image mention, nothing written
  freshbase apply [dir] [options]   the same, then rewrite the files in place

Decisions: pin (tag-only \u2192 tag@digest), update (stale pin), up to date,
skipped: <reason>, failed: <message>.

Options:
  --json                      print the whole plan as JSON instead of the table
  --diff                      also print a unified diff of the rewritten lines
  --include <glob>            only scan matching paths (relative to dir); a literal
                              path adds that file whatever its name (repeatable)
  --exclude <glob>            never scan matching paths (repeatable); .git and
                              node_modules are always skipped
  --config <file>             YAML file with the same keys as the action inputs
                              (include, exclude, docker-config, insecure-registries,
                              registry-map, concurrency, pin-unpinned, ignore, timeout);
                              command-line options override it
  --docker-config <path>      Docker config.json with registry credentials
                              (default: $DOCKER_CONFIG/config.json, then
                              ~/.docker/config.json); auths, credHelpers, credsStore
  --insecure-registry <host[:port]>
                              allow plain HTTP after HTTPS fails (repeatable);
                              loopback registries always allow it
  --registry-map <from=to>    resolve through a mirror, keep the original name in
                              the file, e.g. docker.io=mirror.local:5000 (repeatable)
  --concurrency <n>           requests in flight per registry, 1-64 (default 8)
  --timeout <seconds>         per registry request, 1-600 (default 30)
  --no-pin-unpinned           only refresh existing pins; leave tag-only references
  --ignore <image glob>       never touch matching images, e.g. 'ghcr.io/acme/*'
                              or 'node:18*' (repeatable)
  -v, --verbose               debug output on stderr
  -h, --help                  this text
  --version                   print the version

Files scanned: Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*,
Containerfile.* anywhere below dir (default: the current directory).

Exit status: 0 every image resolved; 1 some images failed (everything else was
still planned, and written by apply); 2 usage or configuration error.`;

// src/cli/render.ts
function renderTable(report) {
  const header = ["LOCATION", "IMAGE", "CURRENT", "NEW", "DECISION"];
  const rows = report.plan.rows.map((row) => [
    row.editLine === void 0 ? `${row.file}:${row.line}` : `${row.file}:${row.line} (digest on ${row.editLine})`,
    row.image || "-",
    row.currentDigest === void 0 ? "-" : shortDigest(row.currentDigest),
    row.newDigest === void 0 ? "-" : shortDigest(row.newDigest),
    decisionText(row)
  ]);
  const widths = header.map(
    (h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)))
  );
  const line = (cells) => cells.map(
    (cell, i) => i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)
  ).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
function decisionText(row) {
  if (row.decision === "skipped") return `skipped: ${row.reason ?? ""}`;
  if (row.decision === "failed") {
    return `failed: ${row.reason ?? ""}${row.hint === void 0 ? "" : ` ${row.hint}`}`;
  }
  return row.decision;
}
function renderSummary(report, mode) {
  const count = (d) => report.plan.rows.filter((r) => r.decision === d).length;
  const verb = mode === "apply" ? "wrote" : "would change";
  const lines = [
    `${report.filesScanned} files, ${report.plan.rows.length} image mentions, ${report.uniqueImages} unique images: ${count("pin")} to pin, ${count("update")} to update, ${count("up to date")} up to date, ${count("skipped")} skipped, ${count("failed")} failed; ${verb} ${report.changes.length} files.`
  ];
  for (const [registry, remaining] of rateLimits(report)) {
    lines.push(`${registry}: ratelimit-remaining ${remaining}`);
  }
  return lines.join("\n");
}
function rateLimits(report) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of report.plan.resolutions) {
    if (r.kind === "resolved" && r.rateLimitRemaining !== void 0) {
      seen.set(r.key.slice(0, r.key.indexOf("/")), r.rateLimitRemaining);
    }
  }
  return seen;
}
function renderDiff(changes) {
  const out = [];
  for (const { file, before, after } of changes) {
    out.push(`--- a/${file}`, `+++ b/${file}`);
    const a = before.split("\n");
    const b = after.split("\n");
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const [left, right] = [a[i], b[i]];
      if (left === right) continue;
      out.push(`@@ -${i + 1} +${i + 1} @@`);
      if (left !== void 0) out.push(`-${left.replace(/\r$/, "")}`);
      if (right !== void 0) out.push(`+${right.replace(/\r$/, "")}`);
    }
  }
  return out.join("\n");
}
function renderJson(report, mode) {
  return JSON.stringify(
    {
      mode,
      filesScanned: report.filesScanned,
      uniqueImages: report.uniqueImages,
      rows: report.plan.rows,
      changedFiles: report.changes.map((c) => c.file),
      rateLimits: Object.fromEntries(rateLimits(report))
    },
    null,
    2
  );
}

// src/cli/main.ts
var OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  json: { type: "boolean" },
  diff: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  config: { type: "string" },
  "docker-config": { type: "string" },
  "insecure-registry": { type: "string", multiple: true },
  "registry-map": { type: "string", multiple: true },
  concurrency: { type: "string" },
  timeout: { type: "string" },
  "pin-unpinned": { type: "boolean" },
  "no-pin-unpinned": { type: "boolean" },
  ignore: { type: "string", multiple: true }
};
async function runCli(argv, io) {
  const logger = createConsoleLogger({
    verbose: argv.includes("--verbose"),
    write: io.stderr
  });
  try {
    const args = parseArguments(argv);
    if (args.values.help === true) return print(io.stdout, HELP, 0);
    if (args.values.version === true) return print(io.stdout, VERSION, 0);
    const [command, dir, ...extra] = args.positionals;
    if (command !== "check" && command !== "apply") {
      return usageError(
        io,
        `unknown command "${command ?? ""}": use "check" or "apply".`
      );
    }
    if (extra.length > 0)
      return usageError(io, `unexpected argument "${extra[0] ?? ""}".`);
    const raw = await rawConfig(args.values, dir);
    const config = parseConfig(raw);
    const ports = await buildPorts(config, logger, { env: io.env });
    const report = await run(config, ports, command);
    for (const row of report.plan.rows) {
      for (const warning of row.warnings) logger.warn(warning);
    }
    if (args.values.json === true) {
      io.stdout(logger.mask(renderJson(report, command)));
    } else {
      io.stdout(logger.mask(renderTable(report)));
      if (args.values.diff === true && report.changes.length > 0) {
        io.stdout(renderDiff(report.changes));
      }
      io.stdout(logger.mask(renderSummary(report, command)));
    }
    return hasFailures(report.plan) ? 1 : 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      return usageError(io, logger.mask(error.message));
    }
    io.stderr(logger.mask(`error: ${error.message}`));
    return 2;
  }
}
var UsageError = class extends Error {
};
function parseArguments(argv) {
  try {
    return parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
}
async function rawConfig(values, dir) {
  const fromFile = values.config === void 0 ? {} : await readConfigFile(values.config);
  const fromArgs = {
    root: dir,
    include: values.include,
    exclude: values.exclude,
    "docker-config": values["docker-config"],
    "insecure-registries": values["insecure-registry"],
    "registry-map": values["registry-map"],
    concurrency: values.concurrency,
    timeout: values.timeout,
    "pin-unpinned": values["no-pin-unpinned"] === true ? false : values["pin-unpinned"],
    ignore: values.ignore
  };
  if (values["no-pin-unpinned"] === true && values["pin-unpinned"] === true) {
    throw new UsageError(
      "--pin-unpinned and --no-pin-unpinned contradict each other; pass one."
    );
  }
  const merged = { ...fromFile };
  for (const [key, value] of Object.entries(fromArgs)) {
    if (value !== void 0) merged[key] = value;
  }
  return merged;
}
async function readConfigFile(file) {
  const text = await readFile(file, "utf8").catch((error) => {
    throw new ConfigError([
      `--config: cannot read "${file}": ${error.code ?? error.message}. Pass the path of a YAML file.`
    ]);
  });
  const { parseConfigFile } = await import("./config-file-ESOZ56GR.js");
  return parseConfigFile(
    file,
    text,
    CORE_KEYS.filter((k) => k !== "root")
  );
}
function usageError(io, message) {
  io.stderr(`error: ${message}
Run "freshbase --help" for the options.`);
  return 2;
}
function print(write, text, code) {
  write(text);
  return code;
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}
`),
  stderr: (text) => process.stderr.write(`${text}
`),
  env: process.env
});
