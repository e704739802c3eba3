import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * The benchmark's sample service: embedded Tomcat 11, a small JSON answer on /hello, and the
 * bytes allocated by all threads so far on /stats (so the script can report allocation per request).
 */
public final class SampleApp {
  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("gl-bench").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(Integer.parseInt(args[0]));
    tomcat.getConnector();
    Context ctx = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(ctx, "app", new App());
    ctx.addServletMappingDecoded("/*", "app");
    tomcat.start();
    tomcat.getServer().await();
  }

  static final class App extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String body;
      if (req.getRequestURI().equals("/stats")) {
        body = "{\"allocatedBytes\":" + allocatedBytes() + "}";
      } else {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 20; i++) {
          sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item-")
              .append(Integer.toHexString(i * 7919)).append("\"}");
        }
        body = sb.append("]}").toString();
      }
      res.setContentType("application/json");
      res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      long bytes = threads.getThreadAllocatedBytes(id);
      if (bytes > 0) {
        total += bytes;
      }
    }
    return total;
  }
}
