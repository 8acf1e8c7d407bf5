package org.pilotpool.cli.proxy;

import picocli.CommandLine.Command;

/**
 * {@code pilotpool proxy}: X.509 credentials for a test grid, mirroring the Globus and VOMS tools
 * (grid-ca-create, grid-cert-request, grid-proxy-init / voms-proxy-init, grid-proxy-info,
 * grid-proxy-verify).
 */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
        "Make and check X.509 proxy credentials (RFC 3820, Globus layout) for a test grid. "
            + "Typical use: proxy ca --out ca; proxy user --ca ca --dn /DC=org/DC=pilotpool/CN=Alice --out alice; "
            + "proxy init --cert alice/usercert.pem --key alice/userkey.pem --out /tmp/x509up_u1000; "
            + "proxy verify --ca-dir ca /tmp/x509up_u1000."},
    subcommands = {
        CaCommand.class, UserCommand.class, InitCommand.class, InfoCommand.class, VerifyCommand.class})
public final class ProxyCommand {}
