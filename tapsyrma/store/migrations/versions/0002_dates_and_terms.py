"""Stories read more of a page: the month and day of an undated page's dateline
(`documents.day`), and the word stems of each document (`documents.terms`) with how many
documents use each stem (`term_counts`). Documents stored before have neither and are compared
as before.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 02:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ALTER TABLE on both back ends (SQLite drops columns itself since 3.35), not a
    # batch copy of the documents table, which SQLite refuses while other tables refer to it.
    op.add_column('documents', sa.Column('day', sa.String(length=5), nullable=True))
    op.add_column('documents', sa.Column('terms', sa.LargeBinary(), nullable=True))
    op.create_table('term_counts',
    sa.Column('term', sa.Integer(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('term_counts')
    op.drop_column('documents', 'terms')
    op.drop_column('documents', 'day')
