#!/usr/bin/env node
import { createRequire as __freshbaseCreateRequire } from 'node:module';const require = __freshbaseCreateRequire(import.meta.url);
import {
  buildPorts,
  chainWarnings,
  chainsJson,
  evidenceJson,
  evidenceKey,
  evidenceOf,
  gatherEvidence,
  hasFailures,
  imageEntries,
  imageLocation,
  linesText,
  missingText,
  needsRebuild,
  parseBehindConfig,
  rebuiltEdgeLines,
  run,
  runBehind,
  summaryLine,
  vulnerabilityCount
} from "./chunk-QCBXZP2K.js";
import {
  CORE_KEYS,
  ConfigError,
  formatPlatform,
  parseConfig,
  shortDigest
} from "./chunk-TP55JNBO.js";

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
var VERSION = "0.7.0";

// src/cli/explain.ts
function renderExplain(report, evidence) {
  const entries = imageEntries(proposedUpdates(report));
  if (entries.length === 0)
    return "No base image digest changed; nothing to explain.";
  const details = registryDetails(report);
  return entries.map((entry) => {
    const e = evidenceOf(evidence, entry);
    return [
      clean(`${entry.name}  ${changeText(entry)}`),
      `  ${clean(summaryLine(e, entry, details.get(entry.key)))}`,
      ...entry.files.map((f) => `  ${clean(f.file)} ${linesText(f.lines)}`),
      ...evidenceLines(e),
      `  digests: ${entry.from ?? "(none)"} \u2192 ${entry.to}`
    ].join("\n");
  }).join("\n\n");
}
function proposedUpdates(report) {
  return report.plan.rows.flatMap(
    (row) => (row.decision === "pin" || row.decision === "update") && row.key !== void 0 && row.newDigest !== void 0 ? [
      {
        file: row.file,
        line: row.line,
        image: row.image,
        key: row.key,
        to: row.newDigest,
        ...row.currentDigest === void 0 ? {} : { from: row.currentDigest },
        ...row.editLine === void 0 ? {} : { editLine: row.editLine }
      }
    ] : []
  );
}
function registryDetails(report) {
  const details = /* @__PURE__ */ new Map();
  for (const r of report.plan.resolutions) {
    if (r.kind !== "resolved") continue;
    const platforms = (r.manifests ?? []).map((m) => formatPlatform(m.platform));
    details.set(r.key, { key: r.key, digest: r.digest, platforms });
  }
  return details;
}
function changeText(entry) {
  return entry.from === void 0 ? `pinned to ${entry.to.slice(0, 19)}` : `${entry.from.slice(0, 19)} \u2192 ${entry.to.slice(0, 19)}`;
}
function evidenceLines(e) {
  if (e === void 0) return [];
  const lines = [];
  const missing = (label, text) => {
    if (text !== void 0) lines.push(`  ${label}: ${clean(text)}`);
  };
  if (e.source.kind === "found") {
    const link = e.source.value.link?.url ?? e.source.value.new?.url;
    if (link !== void 0) lines.push(`  source: ${clean(link)}`);
  } else missing("source", missingText(e.source));
  if (e.packages.kind === "found") lines.push(...packageLines(e));
  else missing("packages", missingText(e.packages));
  if (e.vulnerabilities.kind === "found") lines.push(...vulnerabilityLines(e));
  else missing("vulnerabilities", missingText(e.vulnerabilities));
  if (e.platforms.kind === "found") {
    lines.push("  platforms:");
    for (const d of e.platforms.value)
      lines.push(
        `    ${clean(d.platform)}  ${d.change}${d.counted ? "" : "  (not built here)"}`
      );
  } else missing("platforms", missingText(e.platforms));
  return lines;
}
function packageLines(e) {
  if (e.packages.kind !== "found") return [];
  const p = e.packages.value;
  const where = [p.distro, p.platform].filter((x) => x !== void 0).join(", ");
  if (p.changes.length === 0)
    return [`  packages (${clean(where)}): none changed of ${p.newCount}`];
  return [
    `  packages (${clean(where)}):`,
    ...p.changes.map((c) => {
      const source = c.source === void 0 || c.source === c.name ? "" : ` (source ${c.source})`;
      const versions = `${c.oldVersion ?? "-"} \u2192 ${c.newVersion ?? "-"}`;
      return `    ${c.change.padEnd(7)}  ${clean(`${c.name}${source}  ${versions}`)}`;
    })
  ];
}
function vulnerabilityLines(e) {
  if (e.vulnerabilities.kind !== "found") return [];
  const v = e.vulnerabilities.value;
  const list = (title, vs) => vs.length === 0 ? [] : [
    `  ${title} ${vulnerabilityCount(vs)}:`,
    ...vs.map(
      (x) => clean(
        `    ${[
          x.id,
          x.cves.join(", "),
          x.severity,
          x.summary,
          x.packages.join(", "),
          x.url
        ].filter((s) => s !== void 0 && s !== "").join("  ")}`
      )
    )
  ];
  return [
    ...list("INTRODUCES", v.introduced),
    ...list("fixes", v.fixed),
    ...v.notChecked.map((n) => `  not checked for vulnerabilities: ${clean(n)}`)
  ];
}
function clean(text) {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, " ");
}

// src/cli/render.ts
function renderTable(report) {
  const header = ["LOCATION", "IMAGE", "CURRENT", "NEW", "DECISION"];
  const rows = report.plan.rows.map((row) => [
    row.editLine === void 0 ? `${row.file}:${row.line}` : `${row.file}:${row.line} (digest on ${row.editLine})`,
    row.source === "file" ? "(whole file)" : row.image || "-",
    row.currentDigest === void 0 ? "-" : shortDigest(row.currentDigest),
    row.newDigest === void 0 ? "-" : shortDigest(row.newDigest),
    decisionText(row)
  ]);
  return columns(header, rows);
}
function columns(header, rows) {
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
    `${many(report.filesScanned, "file")}, ${many(report.plan.rows.length, "image mention")}, ${many(report.uniqueImages, "unique image")}: ${count("pin")} to pin, ${count("update")} to update, ${count("up to date")} up to date, ${count("skipped")} skipped, ${count("failed")} failed; ${verb} ${many(report.changes.length, "file")}.`
  ];
  for (const [registry, remaining] of rateLimits(report)) {
    lines.push(`${registry}: ratelimit-remaining ${remaining}`);
  }
  const rebuild = report.rebuild ?? [];
  const edges = rebuiltEdgeLines(report.chains, rebuild);
  if (edges.length > 0) {
    lines.push(`rebuild in order: ${JSON.stringify(rebuild)}`);
    for (const edge of edges) lines.push(`  ${edge}`);
  }
  return lines.join("\n");
}
function many(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
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
function renderJson(report, mode, evidence) {
  const rows = evidence === void 0 ? report.plan.rows : report.plan.rows.map(
    (row) => (row.decision === "pin" || row.decision === "update") && row.key !== void 0 && row.newDigest !== void 0 ? {
      ...row,
      evidence: evidence.get(
        evidenceKey(row.key, row.currentDigest, row.newDigest)
      ) ?? null
    } : row
  );
  return JSON.stringify(
    {
      mode,
      filesScanned: report.filesScanned,
      uniqueImages: report.uniqueImages,
      rows,
      changedFiles: report.changes.map((c) => c.file),
      rateLimits: Object.fromEntries(rateLimits(report)),
      chains: chainsJson(report.chains),
      rebuild: report.rebuild ?? []
    },
    null,
    2
  );
}

// src/cli/render-behind.ts
var SOURCE_DATE_WARNING = `an image's config "created" may be a source date (SOURCE_DATE_EPOCH, reproducible builds), not the time it was built, so "stale" may only mean old sources`;
function renderBehindTable(report) {
  const header = [
    "IMAGE",
    "PLATFORM",
    "STATUS",
    "METHOD",
    "BUILT ON \u2192 NOW",
    "WHY"
  ];
  const rows = [];
  for (const entry of report.entries) rows.push(...entryRows(entry));
  for (const u of report.unchecked)
    rows.push([u.image, "-", "unknown", "-", "-", u.why]);
  return columns(
    header,
    rows.map((r) => r.map(clean))
  );
}
function entryRows(entry) {
  const { report, stale } = entry;
  const image = report.image.image;
  const staleText = stale === void 0 ? "" : `stale: created ${stale.created} (${stale.days} days ago), older than max-age.`;
  if (report.error !== void 0 || report.platforms.length === 0) {
    const why = [report.error ?? "no platform was checked.", staleText];
    return [[image, "-", "unknown", "-", "-", why.filter(Boolean).join(" ")]];
  }
  return report.platforms.map((v) => [
    image,
    v.platform,
    stale === void 0 ? v.status : `${v.status}, stale`,
    v.status === "unknown" ? "-" : v.method,
    digestsText(v),
    [whyText(v, report.image.base), staleText].filter(Boolean).join(" ")
  ]);
}
function digestsText(v) {
  if (v.status === "unknown") return "-";
  if (v.status === "current") return shortDigest(v.builtOn);
  const from = v.builtOn === void 0 ? "?" : shortDigest(v.builtOn);
  return `${from} \u2192 ${shortDigest(v.now)}`;
}
function whyText(v, base) {
  if (v.status === "unknown") return v.why;
  if (v.status === "current") return v.note ?? `built on ${base} as it is now.`;
  return v.note ?? `${base} has moved since this image was built.`;
}
function renderBehindSummary(report) {
  const count = (s) => report.entries.filter((e) => e.report.status === s).length;
  const stale = report.entries.filter((e) => e.stale !== void 0).length;
  const failed = report.entries.filter((e) => e.report.error !== void 0).length;
  const total = report.entries.length + report.unchecked.length;
  const lines = [
    `${total} published image${total === 1 ? "" : "s"}: ${count("behind")} behind, ${count("current")} current, ${count("unknown") + report.unchecked.length} unknown (${failed} failed to be read), ${stale} stale.`
  ];
  if (report.levels.length > 0)
    lines.push(
      `Rebuild, in order: ${report.levels.map((l) => l.join(", ")).join(" \u2192 ")}.`
    );
  if (stale > 0) lines.push(`Note: ${SOURCE_DATE_WARNING}.`);
  for (const p of report.problems)
    lines.push(`${p.file}:${p.line}: ${p.message}`);
  return lines.join("\n");
}
function renderBehindExplain(report) {
  const behind = report.entries.filter((e) => e.report.status === "behind");
  if (behind.length === 0)
    return "No image is behind its base; nothing to explain.";
  return behind.map(
    (e) => [
      clean(`${e.report.image.image}  on ${e.report.image.base}`),
      ...e.evidence === void 0 ? [
        "  (the base it was built on is not known, so its move has no evidence)"
      ] : evidenceLines(e.evidence)
    ].join("\n")
  ).join("\n\n");
}
function renderBehindJson(report) {
  return JSON.stringify(
    {
      mode: "behind",
      images: report.entries.map((e) => ({
        ...e.report,
        rebuild: needsRebuild(e),
        stale: e.stale ?? null,
        ...e.evidence === void 0 ? {} : { evidence: evidenceJson(e.evidence) }
      })),
      unchecked: report.unchecked,
      levels: report.levels,
      problems: report.problems,
      ...report.entries.some((e) => e.stale !== void 0) ? { warning: SOURCE_DATE_WARNING } : {}
    },
    null,
    2
  );
}

// src/cli/behind.ts
var EXIT_BEHIND = 3;
async function behindCommand(config, behind, command, logger) {
  const ports = await buildPorts(config, logger, { env: command.env });
  const report = await runBehind(
    config,
    {
      explain: command.explain,
      ...behind.maxAgeDays === void 0 ? {} : { maxAgeDays: behind.maxAgeDays }
    },
    ports
  );
  for (const problem of report.problems)
    logger.warn(`${problem.file}:${problem.line}: ${problem.message}`);
  if (command.json) {
    if (report.entries.some((e) => e.stale !== void 0))
      logger.warn(`Stale images: ${SOURCE_DATE_WARNING}.`);
    command.write(renderBehindJson(report));
  } else {
    command.write(renderBehindTable(report));
    if (command.explain) command.write(renderBehindExplain(report));
    command.write(renderBehindSummary(report));
  }
  return exitStatus(report, behind.failOnBehind);
}
function exitStatus(report, failOnBehind) {
  if (failOnBehind && report.entries.some(needsRebuild)) return EXIT_BEHIND;
  return report.entries.some((e) => e.report.error !== void 0) ? 1 : 0;
}

// src/cli/help.ts
var HELP = `freshbase \u2014 pin container base images to the digest their tag points to now.

Usage:
  freshbase check [dir] [options]   dry run: one row per image mention, nothing written
  freshbase apply [dir] [options]   the same, then rewrite the files in place
  freshbase behind [dir] [options]  are the images this repository publishes built
                                    on the base their Dockerfile names now?

Decisions: pin (tag-only \u2192 tag@digest), update (stale pin), up to date,
skipped: <reason>, failed: <message>. A stale pin whose new index changes no
platform you build is skipped: only linux/s390x changed / attestations only.

Options:
  --json                      print the whole plan as JSON instead of the table
  --diff                      also print a unified diff of the rewritten lines
  --explain                   per proposed change, what it brings: platforms
                              changed, source compare link, package delta from
                              the SBOM attestation, vulnerabilities fixed or
                              introduced (OSV); with --json, rows get "evidence".
                              Best effort: a failed lookup blocks nothing
  --kinds <kind,...>          which files to scan (default all): dockerfile,
                              compose, kubernetes (manifests, kustomization.yaml,
                              Helm values*.yaml), github-actions (workflows,
                              action.yml), gitlab-ci (.gitlab-ci.yml and its
                              local includes); comma-separated or repeated
  --include <glob>            only scan matching paths (relative to dir); a literal
                              path adds that file whatever its name (repeatable)
  --exclude <glob>            never scan matching paths (repeatable); .git and
                              node_modules are always skipped
  --config <file>             YAML file with the same keys as the action inputs
                              (kinds, include, exclude, docker-config, insecure-registries,
                              registry-map, concurrency, pin-unpinned, ignore, timeout,
                              platforms, osv, osv-url, images, pin-built-here, max-age,
                              fail-on-behind;
                              images as a mapping: ghcr.io/acme/base: base/Dockerfile);
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
  --platforms <os/arch,...>   platforms you build, e.g. linux/amd64,linux/arm64
                              (default: the line's literal --platform, else all);
                              a bump that changes none of them is not proposed
  --no-osv                    do not ask OSV about vulnerabilities (air-gapped
                              runners); --osv turns it back on (default on)
  --osv-url <url>             OSV API base URL or mirror (default
                              https://api.osv.dev); used with --explain
  --image <image=Dockerfile>  an image this repository builds, e.g.
                              ghcr.io/acme/base=base/Dockerfile (repeatable); wins
                              over workflows, Compose and docker-bake files. A FROM
                              of an image built here is not pinned, and a changed
                              base rebuilds its children in order (--json: chains)
  --pin-built-here            pin FROMs of images built here too; a child waits
                              while its parent is rebuilt in the same run

behind: the images checked are those the repository publishes: build-push-action
steps with literal tags, Compose build + image, docker-bake.json, and --image
(give the tag: ghcr.io/acme/app:1=app/Dockerfile; an image whose tag is only
known at run time, e.g. from docker/metadata-action, is said as unknown). Per
image and platform: behind, current or unknown (with why), the method that
answered (provenance, base-annotation, layers) and the base digests built on \u2192
now. --json, --explain (what the base's move brings) and --platforms apply.
  --max-age <days>            also count an image as stale (to rebuild) when its
                              config "created" is older; "created" may be a
                              source date (SOURCE_DATE_EPOCH), not the build time
  --fail-on-behind            exit 3 when an image is behind or stale

  -v, --verbose               debug output on stderr
  -h, --help                  this text
  --version                   print the version

Files scanned, anywhere below dir (default: the current directory):
  dockerfile      Dockerfile, Containerfile, *.Dockerfile, *.dockerfile,
                  Dockerfile.*, Containerfile.*
  compose         compose.yaml, docker-compose.yml and variants
                  (compose.override.yaml, docker-compose.dev.yml): services.*.image
  kubernetes      any .yaml/.yml holding manifests (apiVersion + kind): pod spec
                  images; kustomization.yaml images; Helm values*.yaml
  github-actions  .github/workflows/*.yml: job container, services, docker://
                  steps; action.yml runs.image
  gitlab-ci       .gitlab-ci.yml and the files it includes by local path:
                  image, services
A '# freshbase: ignore' comment right above a line (in YAML also at its end)
leaves that image alone.

Exit status: 0 every image resolved; 1 some images failed (everything else was
still planned, and written by apply); 2 usage or configuration error.
behind: 0 every image checked (behind is a finding, not an error); 1 some image
could not be checked; 2 usage; 3 with --fail-on-behind, some image behind or
stale (wins over 1).`;

// src/cli/main.ts
var OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  json: { type: "boolean" },
  diff: { type: "boolean" },
  explain: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  kinds: { type: "string", multiple: true },
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
  ignore: { type: "string", multiple: true },
  platforms: { type: "string", multiple: true },
  osv: { type: "boolean" },
  "no-osv": { type: "boolean" },
  "osv-url": { type: "string" },
  "max-age": { type: "string" },
  "fail-on-behind": { type: "boolean" },
  image: { type: "string", multiple: true },
  "pin-built-here": { type: "boolean" }
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
    if (command !== "check" && command !== "apply" && command !== "behind") {
      return usageError(
        io,
        `unknown command "${command ?? ""}": use "check", "apply" or "behind".`
      );
    }
    if (extra.length > 0)
      return usageError(io, `unexpected argument "${extra[0] ?? ""}".`);
    const raw = await rawConfig(args.values, dir);
    const config = parseConfig(raw, io.env);
    if (command === "behind")
      return await runBehindCli(raw, config, args.values, io, logger);
    const ports = await buildPorts(config, logger, { env: io.env });
    const report = await run(config, ports, command);
    for (const row of report.plan.rows) {
      for (const warning of row.warnings) logger.warn(warning);
    }
    for (const warning of chainWarnings(report.chains)) logger.warn(warning);
    const evidence = args.values.explain === true ? await explainEvidence(report, config, ports) : void 0;
    const write = (text) => io.stdout(logger.mask(text));
    if (args.values.json === true) {
      write(renderJson(report, command, evidence));
    } else {
      write(renderTable(report));
      if (args.values.diff === true && report.changes.length > 0) {
        io.stdout(renderDiff(report.changes));
      }
      if (evidence !== void 0) write(renderExplain(report, evidence));
      write(renderSummary(report, command));
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
async function runBehindCli(raw, config, values, io, logger) {
  const problems = [];
  const behind = parseBehindConfig(raw, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const write = (text) => io.stdout(logger.mask(text));
  const shown = { json: values.json === true, explain: values.explain === true };
  return behindCommand(config, behind, { ...shown, write, env: io.env }, logger);
}
async function explainEvidence(report, config, ports) {
  if (ports.evidence === void 0) return /* @__PURE__ */ new Map();
  const { platforms, osv } = config;
  return gatherEvidence(
    report.plan,
    { platforms, osv },
    ports.evidence,
    (key) => imageLocation(key, config.registryMap)
  );
}
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
    kinds: values.kinds,
    include: values.include,
    exclude: values.exclude,
    "docker-config": values["docker-config"],
    "insecure-registries": values["insecure-registry"],
    "registry-map": values["registry-map"],
    concurrency: values.concurrency,
    timeout: values.timeout,
    "pin-unpinned": values["no-pin-unpinned"] === true ? false : values["pin-unpinned"],
    ignore: values.ignore,
    platforms: values.platforms,
    osv: values["no-osv"] === true ? false : values.osv,
    "osv-url": values["osv-url"],
    "max-age": values["max-age"],
    "fail-on-behind": values["fail-on-behind"],
    images: values.image,
    "pin-built-here": values["pin-built-here"]
  };
  for (const name of ["pin-unpinned", "osv"]) {
    if (values[`no-${name}`] === true && values[name] === true) {
      throw new UsageError(
        `--${name} and --no-${name} contradict each other; pass one.`
      );
    }
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
  const { parseConfigFile } = await import("./config-file-ZEQDRJRT.js");
  return parseConfigFile(file, text, [
    ...CORE_KEYS.filter((k) => k !== "root"),
    "max-age",
    "fail-on-behind"
  ]);
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
