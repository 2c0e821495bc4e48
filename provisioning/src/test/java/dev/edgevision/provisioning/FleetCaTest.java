package dev.edgevision.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCaTest {
    @TempDir
    Path dir;

    static PKCS10CertificationRequest request(KeyPair pair, String cn) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("O=edgevision,CN=" + cn), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
    }

    @Test
    void issuesDeviceCertificatesFromRequestsAndRefusesWhatItShouldNot() throws Exception {
        FleetCa ca = FleetCa.create(dir, "Test fleet", Duration.ofDays(30));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))));
        ProvisionException again = assertThrows(ProvisionException.class, () -> FleetCa.create(dir, "x", Duration.ofDays(1)));
        assertTrue(again.getMessage().contains("already holds a CA"));

        KeyPair device = FleetCa.newKeyPair();
        X509Certificate cert = FleetCa.load(dir).signRequest(request(device, "jetson-1"), "jetson-1", Duration.ofDays(10));
        cert.verify(ca.certificate().getPublicKey());
        assertEquals(device.getPublic(), cert.getPublicKey());
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "client authentication");
        assertTrue(cert.getNotAfter().toInstant().isBefore(ca.certificate().getNotAfter().toInstant().plusSeconds(1)),
                "never outlives the CA");

        ProvisionException otherId = assertThrows(ProvisionException.class,
                () -> ca.signRequest(request(device, "jetson-2"), "jetson-1", Duration.ofDays(1)));
        assertTrue(otherId.getMessage().contains("not the expected device"), otherId.getMessage());
        ProvisionException badId = assertThrows(ProvisionException.class,
                () -> ca.signRequest(request(device, "bad/id"), null, Duration.ofDays(1)));
        assertTrue(badId.getMessage().contains("device id"), badId.getMessage());
        // a request signed by another key than the one it carries
        KeyPair other = FleetCa.newKeyPair();
        PKCS10CertificationRequest forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=jetson-1"),
                device.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate()));
        ProvisionException bad = assertThrows(ProvisionException.class, () -> ca.signRequest(forged, null, Duration.ofDays(1)));
        assertTrue(bad.getMessage().contains("does not verify"), bad.getMessage());

        Path elsewhere = dir.resolve("other");
        FleetCa.create(elsewhere, "Other", Duration.ofDays(30));
        ProvisionException mismatch = assertThrows(ProvisionException.class, () -> FleetCa.adopt(dir.resolve("adopted"),
                dir.resolve("ca.crt"), elsewhere.resolve("ca.key")));
        assertTrue(mismatch.getMessage().contains("does not belong"), mismatch.getMessage());
        FleetCa adopted = FleetCa.adopt(dir.resolve("adopted"), dir.resolve("ca.crt"), dir.resolve("ca.key"));
        assertEquals(ca.certificate(), adopted.certificate());
        assertTrue(Files.readString(dir.resolve("issued.txt")).contains("CN=jetson-1"));
    }
}
