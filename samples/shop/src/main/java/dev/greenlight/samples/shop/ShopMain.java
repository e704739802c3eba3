package dev.greenlight.samples.shop;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar greenlight-sample-shop.jar serve|migrate …}. */
@Command(
    name = "shop",
    mixinStandardHelpOptions = true,
    versionProvider = ShopMain.Version.class,
    description = "The Greenlight sample shop, in release 1 or 2.",
    subcommands = {ServeCommand.class, MigrateCommand.class})
public final class ShopMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
      System.exit(code);
    }
  }

  /** Runs a command; {@code serve} returns once the server is up and leaves it running. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ShopMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("shop: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: serve or migrate");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ShopMain.class.getPackage().getImplementationVersion();
      return new String[] {"greenlight-sample-shop " + (v == null ? "(development)" : v)};
    }
  }
}
