/**
 * Release codenames → version numbers, for purls that name a release by
 * codename (OSV-SCALIBR `distro=focal`, Docker Scout `os_distro=trixie`).
 * Debian: debian.org/releases; Ubuntu: wiki.ubuntu.com/Releases.
 */
export const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  duke: '15',
  sid: 'sid',
  unstable: 'sid'
}

export const UBUNTU_CODENAMES: Readonly<Record<string, string>> = {
  precise: '12.04',
  trusty: '14.04',
  xenial: '16.04',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04'
}

/** Which distro a bare codename belongs to, and its version. */
export function codenameRelease(
  codename: string
): { readonly distro: string; readonly version: string } | undefined {
  const debian = DEBIAN_CODENAMES[codename]
  if (debian !== undefined) return { distro: 'debian', version: debian }
  const ubuntu = UBUNTU_CODENAMES[codename]
  if (ubuntu !== undefined) return { distro: 'ubuntu', version: ubuntu }
  return undefined
}
