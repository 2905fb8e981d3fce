export const HELP = `freshbase — pin container base images to the digest their tag points to now.

Usage:
  freshbase check [dir] [options]   dry run: one row per image mention, nothing written
  freshbase apply [dir] [options]   the same, then rewrite the files in place
  freshbase behind [dir] [options]  are the images this repository publishes built
                                    on the base their Dockerfile names now?

Decisions: pin (tag-only → tag@digest), update (stale pin), up to date,
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
answered (provenance, base-annotation, layers) and the base digests built on →
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
stale (wins over 1).`
