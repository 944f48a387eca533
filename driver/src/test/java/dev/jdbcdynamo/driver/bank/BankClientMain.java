package dev.jdbcdynamo.driver.bank;

/**
 * A child process of the fault tests: runs bank transfers against a URL and prints
 * {@code ACK <id>} for every committed transfer. Args: url, threads, seconds.
 */
public final class BankClientMain {
    private BankClientMain() {
    }

    public static void main(String[] args) throws Exception {
        Bank.Result result = Bank.run(args[0], Integer.parseInt(args[1]), Long.parseLong(args[2]) * 1000,
                id -> {
                    synchronized (System.out) {
                        System.out.println("ACK " + id);
                        System.out.flush();
                    }
                });
        System.out.println("DONE " + result);
        System.exit(0);
    }
}
