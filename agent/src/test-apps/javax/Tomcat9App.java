import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 9 (javax.servlet). Compiled by the test at run time against tomcat-embed-core 9,
 * because Tomcat 9 and 11 cannot share one classpath. Prints "READY <port>".
 */
public final class Tomcat9App {
  public static void main(String[] args) throws Exception {
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("gl-tomcat9").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    tomcat.setPort(0);
    tomcat.getConnector();
    Context ctx = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(ctx, "app", new AppServlet());
    ctx.addServletMappingDecoded("/*", "app");
    tomcat.start();
    System.out.println("READY " + tomcat.getConnector().getLocalPort());
    System.out.flush();
    tomcat.getServer().await();
  }

  static final class AppServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      String body = "hello";
      if (req.getRequestURI().equals("/login")) {
        HttpSession session = req.getSession(true);
        session.setAttribute("user", req.getParameter("user"));
        body = "logged in";
      }
      res.setContentType("text/plain");
      res.getWriter().write(body);
    }
  }
}
