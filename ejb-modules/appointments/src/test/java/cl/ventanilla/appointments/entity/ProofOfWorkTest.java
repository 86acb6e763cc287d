package cl.ventanilla.appointments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    @Test
    void leadingZeroBitsAreCountedAcrossBytes() {
        assertEquals(0, ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80, 0}));
        assertEquals(7, ProofOfWork.leadingZeroBits(new byte[] {1, 0}));
        assertEquals(12, ProofOfWork.leadingZeroBits(new byte[] {0, 0x08}));
        assertEquals(16, ProofOfWork.leadingZeroBits(new byte[] {0, 0}));
    }

    @Test
    void aSolvedNonceIsAcceptedAndOthersAreNot() {
        String token = "v1.token-under-test";
        String nonce = ProofOfWork.solve(token, 12);
        assertTrue(ProofOfWork.solves(token, nonce, 12));
        assertTrue(ProofOfWork.leadingZeroBits(ProofOfWork.sha256(token + ":" + nonce)) >= 12);
        assertFalse(ProofOfWork.solves(token, "12a", 0), "only decimal nonces");
        assertFalse(ProofOfWork.solves(token, "", 0));
        assertFalse(ProofOfWork.solves(token, "12345678901234567890", 0), "too long");
    }
}
