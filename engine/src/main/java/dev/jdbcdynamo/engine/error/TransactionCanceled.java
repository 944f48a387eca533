package dev.jdbcdynamo.engine.error;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/** DynamoDB's TransactionCanceledException: nothing applied, one reason per statement. */
public final class TransactionCanceled extends DynamoException {
    private static final long serialVersionUID = 1L;

    private final transient List<CancellationReason> reasons;

    public TransactionCanceled(List<CancellationReason> reasons) {
        super(ErrorCode.TRANSACTION_CANCELED, ErrorCode.TRANSACTION_CANCELED.format(
                reasons.stream().map(CancellationReason::code).collect(Collectors.joining(", "))));
        this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
        return reasons;
    }
}
