"""The first screen's statements compiled for SQLite (db/sqlite_first_look.py runs them).

Written by scripts/compile_first_screen.py from controllers.worklists.first_screen_statements();
do not edit: tests/test_first_screen.py holds them equal.
"""

# fmt: off
#: The schema they were compiled for (migrations.HEAD).
HEAD = '0006'

STATEMENTS = {'first_ids:accepted:asc': ('SELECT candidate.id \n'
                            'FROM candidate LEFT OUTER JOIN candidate_status ON '
                            'candidate_status.candidate_id = candidate.id \n'
                            'WHERE 1 = 1 ORDER BY candidate_status.accepted_label ASC, '
                            'candidate.candidate_number\n'
                            ' LIMIT ? OFFSET ?',
                            ('limit', (0,)),
                            ('',)),
 'first_ids:accepted:desc': ('SELECT candidate.id \n'
                             'FROM candidate LEFT OUTER JOIN candidate_status ON '
                             'candidate_status.candidate_id = candidate.id \n'
                             'WHERE 1 = 1 ORDER BY candidate_status.accepted_label DESC, '
                             'candidate.candidate_number\n'
                             ' LIMIT ? OFFSET ?',
                             ('limit', (0,)),
                             ('',)),
 'first_ids:candidate_number:asc': ('SELECT candidate.id \n'
                                    'FROM candidate LEFT OUTER JOIN candidate_status ON '
                                    'candidate_status.candidate_id = candidate.id \n'
                                    'WHERE 1 = 1 ORDER BY candidate.candidate_number ASC, '
                                    'candidate.candidate_number\n'
                                    ' LIMIT ? OFFSET ?',
                                    ('limit', (0,)),
                                    ('',)),
 'first_ids:candidate_number:desc': ('SELECT candidate.id \n'
                                     'FROM candidate LEFT OUTER JOIN candidate_status ON '
                                     'candidate_status.candidate_id = candidate.id \n'
                                     'WHERE 1 = 1 ORDER BY candidate.candidate_number DESC, '
                                     'candidate.candidate_number\n'
                                     ' LIMIT ? OFFSET ?',
                                     ('limit', (0,)),
                                     ('',)),
 'first_ids:counted:asc': ('SELECT candidate.id \n'
                           'FROM candidate LEFT OUTER JOIN candidate_status ON '
                           'candidate_status.candidate_id = candidate.id \n'
                           'WHERE 1 = 1 ORDER BY candidate_status.counted_initial ASC, '
                           'candidate.candidate_number\n'
                           ' LIMIT ? OFFSET ?',
                           ('limit', (0,)),
                           ('',)),
 'first_ids:counted:desc': ('SELECT candidate.id \n'
                            'FROM candidate LEFT OUTER JOIN candidate_status ON '
                            'candidate_status.candidate_id = candidate.id \n'
                            'WHERE 1 = 1 ORDER BY candidate_status.counted_initial DESC, '
                            'candidate.candidate_number\n'
                            ' LIMIT ? OFFSET ?',
                            ('limit', (0,)),
                            ('',)),
 'first_ids:deadline:asc': ('SELECT candidate.id \n'
                            'FROM candidate LEFT OUTER JOIN candidate_status ON '
                            'candidate_status.candidate_id = candidate.id \n'
                            'WHERE 1 = 1 ORDER BY candidate_status.registration_deadline ASC, '
                            'candidate.candidate_number\n'
                            ' LIMIT ? OFFSET ?',
                            ('limit', (0,)),
                            ('',)),
 'first_ids:deadline:desc': ('SELECT candidate.id \n'
                             'FROM candidate LEFT OUTER JOIN candidate_status ON '
                             'candidate_status.candidate_id = candidate.id \n'
                             'WHERE 1 = 1 ORDER BY candidate_status.registration_deadline DESC, '
                             'candidate.candidate_number\n'
                             ' LIMIT ? OFFSET ?',
                             ('limit', (0,)),
                             ('',)),
 'first_ids:eligible:asc': ('SELECT candidate.id \n'
                            'FROM candidate LEFT OUTER JOIN candidate_status ON '
                            'candidate_status.candidate_id = candidate.id \n'
                            'WHERE 1 = 1 ORDER BY candidate_status.eligible ASC, '
                            'candidate.candidate_number\n'
                            ' LIMIT ? OFFSET ?',
                            ('limit', (0,)),
                            ('',)),
 'first_ids:eligible:desc': ('SELECT candidate.id \n'
                             'FROM candidate LEFT OUTER JOIN candidate_status ON '
                             'candidate_status.candidate_id = candidate.id \n'
                             'WHERE 1 = 1 ORDER BY candidate_status.eligible DESC, '
                             'candidate.candidate_number\n'
                             ' LIMIT ? OFFSET ?',
                             ('limit', (0,)),
                             ('',)),
 'first_ids:ine:asc': ('SELECT candidate.id \n'
                       'FROM candidate LEFT OUTER JOIN candidate_status ON '
                       'candidate_status.candidate_id = candidate.id \n'
                       'WHERE 1 = 1 ORDER BY candidate.ine ASC, candidate.candidate_number\n'
                       ' LIMIT ? OFFSET ?',
                       ('limit', (0,)),
                       ('',)),
 'first_ids:ine:desc': ('SELECT candidate.id \n'
                        'FROM candidate LEFT OUTER JOIN candidate_status ON '
                        'candidate_status.candidate_id = candidate.id \n'
                        'WHERE 1 = 1 ORDER BY candidate.ine DESC, candidate.candidate_number\n'
                        ' LIMIT ? OFFSET ?',
                        ('limit', (0,)),
                        ('',)),
 'first_ids:name:asc': ('SELECT candidate.id \n'
                        'FROM candidate LEFT OUTER JOIN candidate_status ON '
                        'candidate_status.candidate_id = candidate.id \n'
                        'WHERE 1 = 1 ORDER BY candidate.name_key ASC, candidate.candidate_number\n'
                        ' LIMIT ? OFFSET ?',
                        ('limit', (0,)),
                        ('',)),
 'first_ids:name:desc': ('SELECT candidate.id \n'
                         'FROM candidate LEFT OUTER JOIN candidate_status ON '
                         'candidate_status.candidate_id = candidate.id \n'
                         'WHERE 1 = 1 ORDER BY candidate.name_key DESC, '
                         'candidate.candidate_number\n'
                         ' LIMIT ? OFFSET ?',
                         ('limit', (0,)),
                         ('',)),
 'rows': ('SELECT candidate.id, candidate.candidate_number, candidate.last_name, '
          'candidate.first_name, candidate.ine, candidate_status.eligible, '
          'candidate_status.counted_initial, candidate_status.counted_alternance, '
          'candidate_status.accepted_label, candidate_status.registration_deadline, '
          'candidate.enrolment_history = ? AND (candidate_status.candidate_id IS NULL OR NOT '
          '(candidate_status.registered_on IS NOT NULL AND candidate_status.registered_on <= ?)) '
          'AS anon_1, candidate_status.accepted_on IS NOT NULL AND candidate_status.accepted_on <= '
          '? AND candidate_status.registration_deadline IS NULL AND '
          '(candidate_status.registered_on IS NULL OR candidate_status.registered_on > ?) AS '
          'anon_2, candidate_status.accepted_on IS NOT NULL AND candidate_status.accepted_on <= ? '
          'AND candidate_status.registration_deadline < ? AND (candidate_status.registered_on IS '
          'NULL OR candidate_status.registered_on > ?) AS anon_3, EXISTS (SELECT * \n'
          'FROM application \n'
          'WHERE application.candidate_id = candidate.id AND application.explanation_last_day >= ? '
          'AND application.notified_on <= ?) AS anon_4, campaign.main_cap_initial, '
          'candidate_status.accepted_on, candidate_status.registered_on, '
          'campaign.main_cap_alternance, EXISTS (SELECT * \n'
          'FROM application \n'
          'WHERE application.candidate_id = candidate.id AND (application.submitted_on > ? OR '
          'application.notified_on > ? OR application.accepted_on > ? OR application.registered_on '
          '> ?)) AS anon_5 \n'
          'FROM candidate LEFT OUTER JOIN candidate_status ON candidate_status.candidate_id = '
          'candidate.id LEFT OUTER JOIN campaign ON campaign.year = '
          'candidate_status.latest_campaign \n'
          'WHERE candidate.id IN (__[POSTCOMPILE_ids])',
          (('interrupted',),
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'as_of',
           'ids'),
          ('',
           '',
           '',
           '',
           '',
           'bool',
           '',
           '',
           '',
           'date',
           'bool',
           'bool',
           'bool',
           'bool',
           '',
           'date',
           'date',
           '',
           'bool'))}
