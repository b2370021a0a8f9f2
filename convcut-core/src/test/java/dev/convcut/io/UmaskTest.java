package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class UmaskTest {
  @Test
  void theUmaskIsReadFromTheStatusTextInOctal() {
    assertThat(Umask.parse("Name:\tjava\nUmask:\t0027\nState:\tR (running)\n")).isEqualTo(027);
    assertThat(Umask.parse("Name:\tjava\n")).isEqualTo(Umask.DEFAULT);
  }

  @Test
  void permissionsAreTheModeBitsInOrder() {
    assertThat(PosixFilePermissions.toString(Umask.permissions(0640))).isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Umask.permissions(0755))).isEqualTo("rwxr-xr-x");
  }
}
